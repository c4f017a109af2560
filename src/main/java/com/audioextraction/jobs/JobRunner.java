package com.audioextraction.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import com.audioextraction.ffmpeg.FfmpegFailure;
import com.audioextraction.ffmpeg.FfmpegProcess;
import com.audioextraction.request.ExtractionRequest;
import com.audioextraction.source.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The output side of a batch job: reserves the file ffmpeg writes in the output store, then waits
 * for ffmpeg (reading its progress lines, which also feed the stall watchdog) and judges the run
 * as for HTTP: a failure before any audio is the request's error (a 4xx one is not worth retrying),
 * a failure after is {@link FfmpegFailure.CutShort}, tried again.
 */
public class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    private static final String OUT_TIME = "out_time_us=";

    private final OutputStore store;

    public JobRunner(OutputStore store) {
        this.store = store;
    }

    /** Reserves the file for the job's audio: under its output_key, else {@code <savepath without extension>.<ext>}. */
    public OutputStore.PendingOutput reserveOutput(ExtractionRequest request, String outputKey) throws IOException {
        return store.reserve(outputKey != null ? outputKey : outputKey(request.savepath(), request.format().extension()));
    }

    /** Waits for ffmpeg to finish writing {@code output}; returns the seconds of audio it wrote. */
    public double awaitOutput(FfmpegProcess ffmpeg, OutputStore.PendingOutput output, Source source, ExtractionRequest request)
            throws IOException, InterruptedException {
        LOG.info("[{}] ffmpeg pid {} started: {} -> {}", request.id(), ffmpeg.pid(), request.savepath(), output.file());
        try {
            double seconds = followProgress(ffmpeg);
            int exit = ffmpeg.awaitExit();
            long written = Files.exists(output.file()) ? Files.size(output.file()) : 0;
            FfmpegFailure.judge(ffmpeg, exit, written, source.ffmpegInput(), request.savepath());
            LOG.info("[{}] ffmpeg exit 0 after {} ms: {} bytes, {} s of audio", request.id(), ffmpeg.elapsedMillis(), written,
                    seconds);
            return seconds;
        } finally {
            ffmpeg.kill("job finished");
        }
    }

    /** Reads ffmpeg's -progress lines to their end; returns the seconds of audio written. */
    private static double followProgress(FfmpegProcess ffmpeg) throws IOException {
        double seconds = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(ffmpeg.stdout(), StandardCharsets.US_ASCII))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith(OUT_TIME) && !line.endsWith("N/A")) {
                    seconds = Long.parseLong(line.substring(OUT_TIME.length()).trim()) / 1_000_000.0;
                }
            }
        } catch (IOException e) {
            if (ffmpeg.killReason() == null) {
                throw e;
            }
        }
        return seconds;
    }

    /** {@code youtube/abc123.mp4} stored as wav: {@code youtube/abc123.wav}. */
    static String outputKey(String savepath, String extension) {
        String normalized = savepath.replaceAll("/+", "/").replaceFirst("^(\\./)+", "");
        int slash = normalized.lastIndexOf('/');
        int dot = normalized.lastIndexOf('.');
        String base = dot > slash + 1 ? normalized.substring(0, dot) : normalized;
        return base + "." + extension;
    }
}
