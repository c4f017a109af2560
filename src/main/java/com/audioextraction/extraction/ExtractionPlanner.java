package com.audioextraction.extraction;

import java.util.List;
import java.util.Optional;

import com.audioextraction.ApiException;
import com.audioextraction.format.AudioFormat;
import com.audioextraction.probe.AudioStream;
import com.audioextraction.probe.MediaInfo;
import com.audioextraction.request.ExtractionOptions;
import com.audioextraction.request.ExtractionRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what to extract once the video is known: picks the audio stream (by {@code track}, by
 * {@code language}, else the default-flagged one, else the first; never silently another) and the
 * output's rate, channels, bitrate and duration. Answers 422 when the video cannot give what was
 * asked, listing what it has.
 */
public class ExtractionPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractionPlanner.class);
    /** Standard rates that are a multiple of 100 Hz, as speech_only needs, lowest first. */
    private static final List<Integer> SPEECH_RATES = List.of(8000, 12000, 16000, 24000, 32000, 48000);

    public ExtractionPlan plan(ExtractionRequest request, MediaInfo media) {
        AudioStream stream = chooseStream(request, media);
        AudioFormat format = request.format();
        ExtractionOptions options = request.options();
        if (format.copiesSource() && !"aac".equals(stream.codec())) {
            throw ApiException.unprocessable("source audio is not AAC",
                    "aac copies the source stream without re-encoding, but audio stream " + stream.index() + " is "
                            + stream.codec() + "; use one of " + AudioFormat.reencodingIds());
        }
        if (options.start() != null && media.duration() != null && options.start() >= media.duration()) {
            throw ApiException.unprocessable("start is beyond the end",
                    "start " + options.start() + " s, but the video is " + media.duration() + " s long");
        }
        int sampleRate = format.copiesSource() ? stream.sampleRate()
                : options.sampleRate() != null ? options.sampleRate()
                : format.defaultSampleRate().orElse(format.nearestSampleRate(stream.sampleRate()));
        int channels = format.copiesSource() ? stream.channels()
                : options.channels() != null ? options.channels()
                : format.defaultChannels().orElse(format.channelsFor(stream.channels()));
        Integer bitrate = bitrate(format, options);
        if (options.speechOnly() && sampleRate % 100 != 0) {
            // the speech is cut on 10 ms frames, which need a whole number of samples
            if (options.sampleRate() != null) {
                throw ApiException.unprocessable("speech_only needs a sample rate that is a multiple of 100 Hz",
                        "sample_rate " + sampleRate + " Hz was asked for; ask for 16000, 24000, 44100 or 48000");
            }
            sampleRate = speechRate(format, sampleRate);
        }
        ExtractionPlan plan = new ExtractionPlan(request, media, stream, sampleRate, channels, bitrate,
                outputDuration(media.duration(), options));
        LOG.info("[{}] audio stream {} ({} {} Hz {}ch{}) -> {} {} Hz {}ch{}", request.id(), stream.index(), stream.codec(),
                stream.sampleRate(), stream.channels(), stream.language() == null ? "" : " " + stream.language(), format.id(),
                sampleRate, channels, segment(options));
        return plan;
    }

    /** The bitrate asked for, else the format's standard one; null for formats without one. */
    private static Integer bitrate(AudioFormat format, ExtractionOptions options) {
        return format.bitrate().map(b -> options.bitrate() != null ? options.bitrate() : b.standard()).orElse(null);
    }

    /** For speech_only, a stream's rate that is not a multiple of 100 Hz (22050, 11025): the next standard rate that is. */
    private static int speechRate(AudioFormat format, int rate) {
        return SPEECH_RATES.stream().filter(r -> r >= rate && format.supportsSampleRate(r)).findFirst().orElse(48000);
    }

    /**
     * The plan as it will be in the usual case, before the probe has run: the stream the request's
     * track names, else the first audio stream; rate and channels where the request or the format
     * fix them, else the stream's own, whatever they are (0 stands for "the stream's"). Empty when
     * only the probe can tell (a language, speech_only). ffmpeg can start on it beside the probe;
     * the real plan then confirms it, or it is thrown away.
     */
    public Optional<ExtractionPlan> provisional(ExtractionRequest request) {
        ExtractionOptions options = request.options();
        if (options.speechOnly() || options.language() != null) {
            return Optional.empty();
        }
        AudioFormat format = request.format();
        AudioStream unknown = new AudioStream(options.track() == null ? 0 : options.track(), -1, null, 0, 0, null, null, false);
        int sampleRate = format.copiesSource() ? 0
                : options.sampleRate() != null ? options.sampleRate() : format.defaultSampleRate().orElse(0);
        int channels = format.copiesSource() ? 0
                : options.channels() != null ? options.channels() : format.defaultChannels().orElse(0);
        Integer bitrate = bitrate(format, options);
        MediaInfo media = new MediaInfo(request.savepath(), null, null, 0, false, List.of(unknown));
        return Optional.of(new ExtractionPlan(request, media, unknown, sampleRate, channels, bitrate, options.duration()));
    }

    private static AudioStream chooseStream(ExtractionRequest request, MediaInfo media) {
        ExtractionOptions options = request.options();
        if (media.audio().isEmpty()) {
            throw ApiException.unprocessable("no audio stream", request.savepath() + " has no audio stream");
        }
        if (options.track() != null) {
            if (options.track() >= media.audio().size()) {
                throw ApiException.unprocessable("no audio track " + options.track(),
                        "audio streams: " + media.describeAudio());
            }
            return media.audio().get(options.track());
        }
        if (options.language() != null) {
            return media.audio().stream().filter(s -> Languages.matches(options.language(), s.language())).findFirst()
                    .orElseThrow(() -> ApiException.unprocessable("no audio stream in language " + options.language(),
                            "audio streams: " + media.describeAudio()));
        }
        return media.defaultAudio().orElseThrow();
    }

    private static Double outputDuration(Double source, ExtractionOptions options) {
        if (source == null) {
            return options.duration();
        }
        double remaining = Math.max(0, source - (options.start() == null ? 0 : options.start()));
        return options.duration() == null ? remaining : Math.min(remaining, options.duration());
    }

    private static String segment(ExtractionOptions options) {
        if (options.start() == null && options.duration() == null) {
            return "";
        }
        return " from " + (options.start() == null ? 0 : options.start()) + " s"
                + (options.duration() == null ? "" : " for " + options.duration() + " s");
    }
}
