package com.audioextraction.http;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.audioextraction.extraction.ExtractionPlan;
import com.audioextraction.format.AudioFormat;
import com.audioextraction.metrics.AudioMetrics;
import com.audioextraction.ffmpeg.FfmpegFailure;
import com.audioextraction.ffmpeg.FfmpegProcess;
import com.audioextraction.request.ExtractionRequest;
import com.audioextraction.source.Source;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of an HTTP extraction: sends ffmpeg's output to the client while ffmpeg runs.
 * <ul>
 * <li>The 200 and its headers go out only with the first audio bytes; an ffmpeg that fails before
 * producing any becomes a JSON error (thrown, mapped by the route's error handling).</li>
 * <li>A failure after bytes went out resets the connection: the client sees a broken transfer,
 * never a short file that looks complete.</li>
 * <li>A client that disconnects gets its ffmpeg killed at once, from the connection's close event.</li>
 * </ul>
 */
public class AudioStreamer {

    private static final Logger LOG = LoggerFactory.getLogger(AudioStreamer.class);
    private static final int CHUNK_BYTES = 256 * 1024;
    /** How long a batch of output may gather before it is sent (see readBatch). */
    private static final long BATCH_WINDOW_NANOS = 50_000_000;
    /** Beyond this the segments are left to /speech: some clients refuse longer header lines. */
    private static final int MAX_SEGMENTS_HEADER = 32 * 1024;

    private final Duration stallTimeout;
    private final AudioMetrics metrics;

    public AudioStreamer(Duration stallTimeout, AudioMetrics metrics) {
        this.stallTimeout = stallTimeout;
        this.metrics = metrics;
    }

    /** Streams {@code ffmpeg}'s output as the answer to the request planned as {@code plan}. */
    public void stream(FfmpegProcess ffmpeg, ExtractionPlan plan, Source source, HttpServerResponse response) {
        ExtractionRequest request = plan.request();
        String id = request.id();
        LOG.info("[{}] ffmpeg pid {} started: {} -> {}", id, ffmpeg.pid(), request.savepath(), request.format().id());

        ResponseChannel channel = new ResponseChannel(response, stallTimeout, () -> ffmpeg.kill("client disconnected"));
        try {
            send(plan, source, ffmpeg, channel);
        } catch (ResponseChannel.ClientGoneException e) {
            ffmpeg.kill(e.getMessage());
            LOG.info("[{}] client gone after {} bytes ({}); ffmpeg pid {} killed", id, channel.bytesSent(),
                    e.getMessage(), ffmpeg.pid());
            metrics.clientDisconnected();
            finished(request, ffmpeg, channel, "client_gone");
            channel.abort();
        } catch (FfmpegFailure.CutShort e) {
            LOG.warn("[{}] {}; connection reset so the client sees an incomplete transfer", id, e.getMessage());
            metrics.ffmpegFailed(e.cause());
            finished(request, ffmpeg, channel, "failed");
            channel.abort();
        } catch (IOException e) {
            ffmpeg.kill("reading its output failed");
            LOG.warn("[{}] reading ffmpeg output failed after {} bytes: {}; connection reset", id, channel.bytesSent(),
                    e.toString());
            finished(request, ffmpeg, channel, "failed");
            channel.abort();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ffmpeg.kill("the service is stopping");
            LOG.warn("[{}] interrupted after {} bytes (the service is stopping); connection reset", id, channel.bytesSent());
            finished(request, ffmpeg, channel, "stopped");
            channel.abort();
        } catch (RuntimeException | Error e) {
            if (!channel.isCommitted()) {
                throw e; // still time for a JSON error
            }
            // the 200 is out: the only honest answer left is a broken transfer (an error answer cannot follow)
            LOG.error("[{}] failed after {} bytes; connection reset", id, channel.bytesSent(), e);
            finished(request, ffmpeg, channel, "failed");
            channel.abort();
        } finally {
            ffmpeg.kill("request finished");
        }
    }

    private void send(ExtractionPlan plan, Source source, FfmpegProcess ffmpeg, ResponseChannel channel)
            throws IOException, InterruptedException {
        ExtractionRequest request = plan.request();
        String id = request.id();
        InputStream audio = ffmpeg.stdout();
        byte[] buffer = new byte[CHUNK_BYTES];
        int n = readFirst(ffmpeg, audio, buffer);
        if (n < 0) {
            int exit = ffmpeg.awaitExit();
            if (channel.isClientGone()) {
                throw new ResponseChannel.ClientGoneException("client closed the connection before any audio");
            }
            LOG.warn("[{}] ffmpeg exit {} after {} ms with no audio: {}", id, exit, ffmpeg.elapsedMillis(),
                    FfmpegFailure.explain(ffmpeg, exit, source.ffmpegInput(), request.savepath()));
            FfmpegFailure.judge(ffmpeg, exit, 0, source.ffmpegInput(), request.savepath()); // throws the JSON error
        }
        channel.commit(headers(plan));
        metrics.answered("extract", request.format().id(), 200);
        LOG.info("[{}] first audio bytes after {} ms", id, ffmpeg.elapsedMillis());
        do {
            channel.write(buffer, n);
        } while ((n = readBatch(ffmpeg, audio, buffer)) >= 0);

        int exit = ffmpeg.awaitExit();
        if (channel.isClientGone()) {
            throw new ResponseChannel.ClientGoneException("client closed the connection");
        }
        FfmpegFailure.judge(ffmpeg, exit, channel.bytesSent(), source.ffmpegInput(), request.savepath());
        channel.finish();
        finished(request, ffmpeg, channel, "complete");
        LOG.info("[{}] ffmpeg exit 0 after {} ms; sent {} bytes{}", id, ffmpeg.elapsedMillis(), channel.bytesSent(),
                ffmpeg.outputSeconds().isPresent()
                        ? String.format(Locale.ROOT, " (%.2f s of audio)", ffmpeg.outputSeconds().getAsDouble()) : "");
    }

    private void finished(ExtractionRequest request, FfmpegProcess ffmpeg, ResponseChannel channel, String outcome) {
        metrics.streamed(request.format().id(), channel.bytesSent(), Duration.ofMillis(ffmpeg.elapsedMillis()), outcome);
    }

    /** The first audio: whatever ffmpeg has written, at once (the first byte is not held back). */
    private static int readFirst(FfmpegProcess ffmpeg, InputStream audio, byte[] buffer) throws IOException {
        try {
            return audio.read(buffer);
        } catch (IOException e) {
            return endOrFailure(ffmpeg, e);
        }
    }

    /**
     * The rest in batches: ffmpeg writes 32 KiB at a time, and passing each on alone would cost a
     * hand-over to the event loop and a socket write per 32 KiB. Reads until the buffer is full, the
     * output ends, or {@link #BATCH_WINDOW_NANOS} passed since the batch began (checked as reads
     * return, so a slow encoder still streams). Returns -1 at the end of the output, also when the
     * service killed ffmpeg.
     */
    private static int readBatch(FfmpegProcess ffmpeg, InputStream audio, byte[] buffer) throws IOException {
        try {
            int n = audio.read(buffer);
            long deadline = System.nanoTime() + BATCH_WINDOW_NANOS;
            while (n > 0 && n < buffer.length && System.nanoTime() - deadline < 0) {
                int more = audio.read(buffer, n, buffer.length - n);
                if (more < 0) {
                    break; // the end: this batch goes out, the next read finds the end again
                }
                n += more;
            }
            return n;
        } catch (IOException e) {
            return endOrFailure(ffmpeg, e);
        }
    }

    private static int endOrFailure(FfmpegProcess ffmpeg, IOException e) throws IOException {
        if (ffmpeg.killReason() != null) {
            return -1; // killing the process closes its pipe under the reader: that is the end
        }
        throw e;
    }

    private static Map<String, String> headers(ExtractionPlan plan) {
        ExtractionRequest request = plan.request();
        AudioFormat format = request.format();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", format.contentType(plan.sampleRate(), plan.channels()));
        headers.put("Content-Disposition", ContentDisposition.attachment(request.savepath(), format.extension()));
        headers.put("Cache-Control", "no-store");
        headers.put("X-Request-Id", request.id());
        headers.put("X-Audio-Format", format.id());
        headers.put("X-Sample-Rate", String.valueOf(plan.sampleRate()));
        headers.put("X-Channels", String.valueOf(plan.channels()));
        headers.put("X-Audio-Stream", String.valueOf(plan.stream().index()));
        if (plan.stream().language() != null) {
            headers.put("X-Audio-Language", plan.stream().language());
        }
        if (plan.media().duration() != null) {
            headers.put("X-Source-Duration", seconds(plan.media().duration()));
        }
        if (plan.outputDuration() != null) {
            headers.put("X-Output-Duration", seconds(plan.outputDuration()));
        }
        if (plan.speech() != null) {
            // the map from output time to source time (docs/speech.md); /speech with the same fields gives it too
            headers.put("X-Speech-Segment-Count", String.valueOf(plan.speech().segments().size()));
            String segments = plan.speech().segmentsHeader();
            if (segments.length() <= MAX_SEGMENTS_HEADER) {
                headers.put("X-Speech-Segments", segments);
            }
        }
        return headers;
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
