package com.audioextraction.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.audioextraction.ApiException;
import com.audioextraction.ffmpeg.FfmpegFailure;
import com.audioextraction.ffmpeg.FfmpegProcess;
import com.audioextraction.ffmpeg.FfmpegProcesses;
import com.audioextraction.source.Source;

/**
 * Probes by reading the description ffmpeg prints of its input ({@code ffmpeg -i FILE}), for
 * machines that have only the bundled ffmpeg and no ffprobe. Less complete than ffprobe (no
 * per-stream bit rate in some containers) but enough to pick a stream and plan a request.
 */
public class FfmpegDumpProber extends ProcessProber {

    private static final Pattern INPUT = Pattern.compile("^Input #0, (.+), from '");
    private static final Pattern DURATION = Pattern.compile("^\\s*Duration: (?:(\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)|N/A)");
    private static final Pattern STREAM = Pattern.compile(
            "^\\s*Stream #0:(\\d+)(?:\\[0x[0-9a-fA-F]+\\])?(?:\\(([^)]+)\\))?: (\\w+): (.*)$");
    private static final Pattern AUDIO = Pattern.compile("^(\\w+)[^,]*, (\\d+) Hz, ([^,]+)");
    private static final Pattern BIT_RATE = Pattern.compile(", (\\d+) kb/s");
    private static final Pattern N_CHANNELS = Pattern.compile("(\\d+) channels");
    private static final Map<String, Integer> LAYOUTS = Map.ofEntries(
            Map.entry("mono", 1), Map.entry("stereo", 2), Map.entry("downmix", 2), Map.entry("2.1", 3), Map.entry("3.0", 3),
            Map.entry("3.0(back)", 3), Map.entry("4.0", 4), Map.entry("quad", 4), Map.entry("quad(side)", 4), Map.entry("3.1", 4),
            Map.entry("5.0", 5), Map.entry("5.0(side)", 5), Map.entry("4.1", 5), Map.entry("5.1", 6), Map.entry("5.1(side)", 6),
            Map.entry("6.0", 6), Map.entry("6.0(front)", 6), Map.entry("hexagonal", 6), Map.entry("6.1", 7), Map.entry("6.1(back)", 7),
            Map.entry("6.1(front)", 7), Map.entry("7.0", 7), Map.entry("7.0(front)", 7), Map.entry("7.1", 8), Map.entry("7.1(wide)", 8),
            Map.entry("7.1(wide-side)", 8), Map.entry("octagonal", 8));

    public FfmpegDumpProber(String ffmpeg, FfmpegProcesses processes, Duration timeout) {
        super(ffmpeg, processes, timeout);
    }

    @Override
    public MediaInfo probe(Source source, String savepath) {
        List<String> args = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-loglevel", "level+info"));
        args.addAll(source.inputOptions());
        args.addAll(List.of("-i", source.ffmpegInput()));
        FfmpegProcesses.Completed run = run(args, 0, savepath);
        // ffmpeg always exits 1 here ("At least one output file must be specified"): judge by what it printed
        try {
            return described(run.process(), source, savepath);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.internal("probe interrupted", "the service is stopping");
        }
    }

    /**
     * What {@code ffmpeg} said its input holds, once it has described it (or ended); when it could not
     * describe it, the failure a caller gets (422 not a media file, ...), once it has ended.
     */
    public static MediaInfo described(FfmpegProcess ffmpeg, Source source, String savepath) throws InterruptedException {
        MediaInfo info = parse(ffmpeg.head(), savepath, source.size());
        if (info == null) {
            throw FfmpegFailure.beforeOutput(ffmpeg, ffmpeg.awaitExit(), source.ffmpegInput(), savepath);
        }
        return info;
    }

    /** The media described by ffmpeg's input dump, or null when it did not describe one. */
    static MediaInfo parse(List<String> lines, String savepath, long size) {
        String container = null;
        Double duration = null;
        boolean video = false;
        List<AudioStream> audio = new ArrayList<>();
        for (String line : lines) {
            Matcher m;
            if (container == null && (m = INPUT.matcher(line)).find()) {
                container = m.group(1);
            } else if (container != null && duration == null && (m = DURATION.matcher(line)).find() && m.group(1) != null) {
                duration = Integer.parseInt(m.group(1)) * 3600 + Integer.parseInt(m.group(2)) * 60 + Double.parseDouble(m.group(3));
            } else if (container != null && (m = STREAM.matcher(line)).find()) {
                String type = m.group(3);
                String rest = m.group(4);
                if (type.equals("Video") && !rest.contains("(attached pic)")) {
                    video = true;
                } else if (type.equals("Audio")) {
                    audio.add(audioStream(audio.size(), Integer.parseInt(m.group(1)), m.group(2), rest));
                }
            } else if (container != null && (line.startsWith("Output #") || line.startsWith("Stream mapping"))) {
                break;
            }
        }
        return container == null ? null : new MediaInfo(savepath, container, duration, size, video, List.copyOf(audio));
    }

    private static AudioStream audioStream(int index, int streamIndex, String language, String description) {
        Matcher audio = AUDIO.matcher(description);
        String codec = null;
        int rate = 0;
        int channels = 0;
        if (audio.find()) {
            codec = audio.group(1);
            rate = Integer.parseInt(audio.group(2));
            String layout = audio.group(3).trim();
            Matcher n = N_CHANNELS.matcher(layout);
            channels = n.find() ? Integer.parseInt(n.group(1)) : LAYOUTS.getOrDefault(layout, 0);
        } else {
            codec = description.split("[ ,]")[0];
        }
        Matcher bitRate = BIT_RATE.matcher(description);
        Long bps = bitRate.find() ? Long.parseLong(bitRate.group(1)) * 1000 : null;
        String lang = language == null || language.equals("und") ? null : language;
        return new AudioStream(index, streamIndex, codec, channels, rate, bps, lang, description.contains("(default)"));
    }
}
