package com.audioextraction.http;

import java.io.Closeable;
import java.time.Duration;
import java.util.List;

import com.audioextraction.ApiException;
import com.audioextraction.extraction.ExtractionPlanner;
import com.audioextraction.ffmpeg.FfmpegCommand;
import com.audioextraction.ffmpeg.FfmpegProcess;
import com.audioextraction.ffmpeg.StreamingExecResult;
import com.audioextraction.probe.FfmpegDumpProber;
import com.audioextraction.probe.MediaInfo;
import com.audioextraction.probe.MediaProber;
import com.audioextraction.request.ExtractionRequest;
import com.audioextraction.source.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets a stream's first byte out as early as ffmpeg alone would: instead of a probe and then ffmpeg
 * (two process starts of ~0.13 s and two openings of the video), ffmpeg starts at once on the plan
 * the request will most likely get ({@link ExtractionPlanner#provisional}), and its own description
 * of the input (printed before any output) is the probe. The real plan is then made from that
 * description as from a probe; the early ffmpeg goes on when its arguments are exactly the plan's,
 * and is killed otherwise (another stream is the default, the rate must change, the request is
 * refused). Nothing it wrote has been read by then, so a wrong guess costs a restart, never a wrong
 * answer. Requests only the probe can plan (a language, speech_only) are not started early.
 */
public class HeadStart {

    private static final Logger LOG = LoggerFactory.getLogger(HeadStart.class);

    /** An ffmpeg started early, with the arguments it was started with; closing kills it unless it was taken. */
    public static final class Early implements Closeable {
        private final List<String> arguments;
        private final StreamingExecResult started;
        private volatile boolean taken;

        Early(List<String> arguments, StreamingExecResult started) {
            this.arguments = arguments;
            this.started = started;
        }

        @Override
        public void close() {
            if (!taken) {
                started.process().kill("started early and not used");
            }
        }
    }

    private final ExtractionPlanner planner;
    private final FfmpegCommand command;
    private final Duration describeTimeout;

    /** @param describeTimeout how long ffmpeg may take to describe its input (the probe timeout) */
    public HeadStart(ExtractionPlanner planner, FfmpegCommand command, Duration describeTimeout) {
        this.planner = planner;
        this.command = command;
        this.describeTimeout = describeTimeout;
    }

    /** The arguments to start ffmpeg with before anything is known of the video, or null when only a probe can tell. */
    public List<String> arguments(Source source, ExtractionRequest request) {
        return planner.provisional(request).map(plan -> command.toStream(source, plan)).orElse(null);
    }

    /** The early ffmpeg, to be held until the exchange ends (then killed unless taken). */
    public Early started(List<String> arguments, StreamingExecResult started) {
        return new Early(arguments, started);
    }

    /**
     * What the video holds, from the early ffmpeg's description of its input: the same facts a probe
     * gives (container, duration to the centisecond, the audio streams with codec, rate, channels,
     * language and default flag). Answers as a probe would: 504 when ffmpeg has not described the
     * input within the probe timeout, the ffmpeg failure (422 not a media file, ...) when it could not.
     */
    public MediaInfo describe(Early early, Source source, String savepath) {
        FfmpegProcess ffmpeg = early.started.process();
        try {
            if (!ffmpeg.awaitInputDescribed(describeTimeout)) {
                ffmpeg.kill("timed out describing its input");
                throw MediaProber.timedOut(savepath, describeTimeout);
            }
            return FfmpegDumpProber.described(ffmpeg, source, savepath);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.internal("probe interrupted", "the service is stopping");
        }
    }

    /**
     * The early ffmpeg when it runs exactly {@code planned}, else null (and it is killed).
     *
     * @param early   what {@link #started} returned, or null when ffmpeg was not started early
     * @param planned the arguments of the real plan
     */
    public StreamingExecResult take(Early early, List<String> planned, String requestId) {
        if (early == null) {
            return null;
        }
        FfmpegProcess process = early.started.process();
        if (early.arguments.equals(planned)) { // ended already? then its whole output waits in the pipe
            early.taken = true;
            return early.started;
        }
        process.kill("the plan differs from the early guess");
        LOG.info("[{}] ffmpeg pid {} started on the likely plan was replaced: the video called for another", requestId,
                process.pid());
        return null;
    }
}
