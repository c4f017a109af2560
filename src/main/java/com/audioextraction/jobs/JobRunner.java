package com.audioextraction.jobs;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import com.audioextraction.ExchangeKeys;
import com.audioextraction.extraction.ExtractionPlan;
import com.audioextraction.ffmpeg.FfmpegFailure;
import com.audioextraction.ffmpeg.FfmpegProcess;
import com.audioextraction.ffmpeg.StreamingExecResult;
import com.audioextraction.source.Source;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of a batch job: ffmpeg's output goes into the output store, published only when
 * ffmpeg ended cleanly. A failure before any audio is explained as for HTTP (a 4xx one is not worth
 * retrying); a failure after is an {@link IOException}, retried.
 */
public class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final OutputStore store;

    public JobRunner(OutputStore store) {
        this.store = store;
    }

    public void run(Exchange exchange) throws IOException, InterruptedException {
        ExtractionPlan plan = exchange.getProperty(ExchangeKeys.PLAN, ExtractionPlan.class);
        Source source = exchange.getProperty(ExchangeKeys.SOURCE, Source.class);
        FfmpegProcess ffmpeg = exchange.getMessage().getBody(StreamingExecResult.class).process();
        exchange.getMessage().setBody(null);
        String id = plan.request().id();
        String key = exchange.getProperty(ExchangeKeys.JOB_OUTPUT_KEY, String.class);
        if (key == null) {
            key = outputKey(plan.request().savepath(), plan.request().format().extension());
        }
        LOG.info("[{}] ffmpeg pid {} started: {} -> {}", id, ffmpeg.pid(), plan.request().savepath(), key);
        CountingStream audio = new CountingStream(ffmpeg.stdout());
        try {
            OutputStore.Stored stored = store.store(key, audio, () -> {
                int exit;
                try {
                    exit = ffmpeg.awaitExit();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
                if (audio.count == 0) {
                    throw FfmpegFailure.beforeOutput(ffmpeg, exit, source.ffmpegInput(), plan.request().savepath());
                }
                if (exit != 0 || !ffmpeg.errors().isEmpty()) {
                    throw new IOException("ffmpeg failed after " + audio.count + " bytes: "
                            + FfmpegFailure.explain(ffmpeg, exit, source.ffmpegInput(), plan.request().savepath()));
                }
            });
            exchange.setProperty(ExchangeKeys.JOB_STORED, stored);
            LOG.info("[{}] stored {} ({} bytes) after {} ms", id, stored.location(), stored.bytes(), ffmpeg.elapsedMillis());
        } finally {
            ffmpeg.kill("job finished");
        }
    }

    /** {@code youtube/abc123.mp4} stored as wav: {@code youtube/abc123.wav}. */
    static String outputKey(String savepath, String extension) {
        String normalized = savepath.replaceAll("/+", "/").replaceFirst("^(\\./)+", "");
        int slash = normalized.lastIndexOf('/');
        int dot = normalized.lastIndexOf('.');
        String base = dot > slash + 1 ? normalized.substring(0, dot) : normalized;
        return base + "." + extension;
    }

    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }
    }
}
