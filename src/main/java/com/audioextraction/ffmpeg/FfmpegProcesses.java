package com.audioextraction.ffmpeg;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every ffmpeg (and ffprobe) the service has started and that still runs. As a Camel service it
 * kills whatever is left when the context stops, so no child outlives the service.
 */
public class FfmpegProcesses extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(FfmpegProcesses.class);

    private static final String TIMED_OUT = "timed out";

    /** A process run to its end: its exit code and what it wrote to stdout. */
    public record Completed(FfmpegProcess process, int exit, byte[] stdout) {

        /** Whether it was killed because it did not end within its timeout. */
        public boolean timedOut() {
            return process.killReason() != null && process.killReason().startsWith(TIMED_OUT);
        }
    }

    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ffmpeg-deadlines");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<FfmpegProcess> running = ConcurrentHashMap.newKeySet();
    private final AtomicLong started = new AtomicLong();

    public FfmpegProcesses() {
        deadlines.scheduleWithFixedDelay(this::killStalled, 1, 1, TimeUnit.SECONDS);
    }

    /** Kills every watched process whose reader has waited past its stall timeout. */
    void killStalled() {
        long now = System.nanoTime();
        for (FfmpegProcess process : running) {
            if (process.stalled(now) && process.isAlive()) {
                String reason = "ffmpeg produced no output for " + process.stallTimeout().toSeconds() + " s";
                LOG.warn("killing ffmpeg pid {}: {}", process.pid(), reason);
                process.kill(reason);
            }
        }
    }

    public FfmpegProcess start(String executable, List<String> args) throws IOException {
        FfmpegProcess process = FfmpegProcess.start(executable, args);
        running.add(process);
        started.incrementAndGet();
        process.onExit(() -> running.remove(process));
        return process;
    }

    /**
     * Runs a short command (a probe) to its end, keeping at most {@code maxOutput} bytes of its
     * stdout; it is killed if it has not ended after {@code timeout} (then {@link Completed#timedOut}).
     */
    public Completed runToEnd(String executable, List<String> args, Duration timeout, int maxOutput)
            throws IOException, InterruptedException {
        FfmpegProcess process = start(executable, args);
        ScheduledFuture<?> deadline = deadlines.schedule(
                () -> process.kill(TIMED_OUT + " after " + timeout.toSeconds() + " s"), timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (InputStream out = process.stdout()) {
            byte[] stdout;
            try {
                stdout = out.readNBytes(maxOutput);
                out.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                if (process.killReason() == null) {
                    throw e;
                }
                stdout = new byte[0]; // killed at the deadline: its pipe closed under the reader
            }
            return new Completed(process, process.awaitExit(), stdout);
        } finally {
            deadline.cancel(false);
            process.kill("finished");
        }
    }

    /** How many processes run now. */
    public int running() {
        return running.size();
    }

    /** How many processes were started since the service started. */
    public long started() {
        return started.get();
    }

    /** Kills whatever still runs after {@code grace} (the service is stopping and has given its streams that long). */
    public void killAllAfter(Duration grace, String reason) {
        deadlines.schedule(() -> killAll(reason), grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void killAll(String reason) {
        for (FfmpegProcess process : running) {
            LOG.warn("killing ffmpeg pid {}: {}", process.pid(), reason);
            process.kill(reason);
        }
    }

    @Override
    protected void doStop() throws Exception {
        killAll("the service is stopping");
        for (FfmpegProcess process : running) {
            process.awaitGone(1000);
        }
    }

    @Override
    protected void doShutdown() {
        deadlines.shutdownNow();
    }
}
