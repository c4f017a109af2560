package com.audioextraction.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import com.audioextraction.ExchangeKeys;
import com.audioextraction.Held;
import com.audioextraction.extraction.ExtractionPlan;
import com.audioextraction.ffmpeg.FfmpegFailure;
import com.audioextraction.ffmpeg.FfmpegProcess;
import com.audioextraction.ffmpeg.StreamingExecResult;
import com.audioextraction.source.Source;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The output side of a batch job: reserves the file ffmpeg writes in the output store, then waits
 * for ffmpeg (reading its progress lines, which also feed the stall watchdog) and publishes the file
 * only when ffmpeg ended cleanly. A failure before any audio is explained as for HTTP (a 4xx one is
 * not worth retrying); a failure after is an {@link IOException}, retried.
 */
public class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    private static final String OUT_TIME = "out_time_us=";

    private final OutputStore store;

    public JobRunner(OutputStore store) {
        this.store = store;
    }

    /** Reserves the job's output file (dropped with whatever else the attempt holds, unless published). */
    public void reserveOutput(Exchange exchange) throws IOException {
        ExtractionPlan plan = exchange.getProperty(ExchangeKeys.PLAN, ExtractionPlan.class);
        String key = exchange.getProperty(ExchangeKeys.JOB_OUTPUT_KEY, String.class);
        if (key == null) {
            key = outputKey(plan.request().savepath(), plan.request().format().extension());
        }
        exchange.setProperty(ExchangeKeys.JOB_OUTPUT, Held.hold(store.reserve(key), exchange));
    }

    public void run(Exchange exchange) throws IOException, InterruptedException {
        ExtractionPlan plan = exchange.getProperty(ExchangeKeys.PLAN, ExtractionPlan.class);
        Source source = exchange.getProperty(ExchangeKeys.SOURCE, Source.class);
        OutputStore.PendingOutput output = exchange.getProperty(ExchangeKeys.JOB_OUTPUT, OutputStore.PendingOutput.class);
        FfmpegProcess ffmpeg = exchange.getMessage().getBody(StreamingExecResult.class).process();
        exchange.getMessage().setBody(null);
        String id = plan.request().id();
        LOG.info("[{}] ffmpeg pid {} started: {} -> {}", id, ffmpeg.pid(), plan.request().savepath(), output.file());
        try {
            double seconds = followProgress(ffmpeg);
            int exit = ffmpeg.awaitExit();
            long written = Files.exists(output.file()) ? Files.size(output.file()) : 0;
            if (written == 0) {
                throw FfmpegFailure.beforeOutput(ffmpeg, exit, source.ffmpegInput(), plan.request().savepath());
            }
            if (exit != 0 || !ffmpeg.errors().isEmpty()) {
                throw new IOException("ffmpeg failed after " + written + " bytes: "
                        + FfmpegFailure.explain(ffmpeg, exit, source.ffmpegInput(), plan.request().savepath()));
            }
            OutputStore.Stored stored = output.publish();
            exchange.setProperty(ExchangeKeys.JOB_STORED, stored);
            exchange.setProperty(ExchangeKeys.JOB_SECONDS, seconds);
            LOG.info("[{}] stored {} ({} bytes, {} s of audio) after {} ms", id, stored.location(), stored.bytes(), seconds,
                    ffmpeg.elapsedMillis());
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
