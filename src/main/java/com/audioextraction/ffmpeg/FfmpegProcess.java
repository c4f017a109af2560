package com.audioextraction.ffmpeg;

import java.io.File;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

/**
 * One running ffmpeg: its live stdout, what its stderr said, and the means to end it. Whoever
 * takes one owns it and must {@link #kill} it when done (a no-op once it exited).
 */
public final class FfmpegProcess {

    private final Process process;
    private final InputStream stdout;
    private final FfmpegLog log = FfmpegLog.create();
    private final long startNanos = System.nanoTime();
    private volatile String killReason;
    private volatile Duration stallTimeout;
    /** When the reader started waiting for output it has not got yet; 0 while it is not waiting. */
    private volatile long waitingSince;

    private FfmpegProcess(Process process) {
        this.process = process;
        this.stdout = new WatchedOutput(process.getInputStream());
    }

    /** Starts {@code executable args...} with stdin from /dev/null and a thread draining stderr. */
    static FfmpegProcess start(String executable, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(args.size() + 1);
        command.add(executable);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("AV_LOG_FORCE_NOCOLOR", "1");
        FfmpegProcess ffmpeg = new FfmpegProcess(builder.start());
        Thread drainer = new Thread(() -> ffmpeg.log.drain(ffmpeg.process.getErrorStream()),
                "ffmpeg-stderr-" + ffmpeg.pid());
        drainer.setDaemon(true);
        drainer.start();
        return ffmpeg;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The encoded audio, live: readable from the first byte ffmpeg writes. */
    public InputStream stdout() {
        return stdout;
    }

    /**
     * Has the process killed when its reader waits longer than {@code timeout} for output (a stalled
     * input, a hung decoder). Time the reader spends elsewhere (waiting on a slow client) does not count.
     */
    public void watchOutput(Duration timeout) {
        this.stallTimeout = timeout;
    }

    /** Whether the reader has waited for output longer than the stall timeout, at {@code nowNanos}. */
    boolean stalled(long nowNanos) {
        Duration timeout = stallTimeout;
        long since = waitingSince;
        return timeout != null && since != 0 && nowNanos - since > timeout.toNanos();
    }

    Duration stallTimeout() {
        return stallTimeout;
    }

    /** Waits for the exit and for stderr to be read to its end; returns the exit code. */
    public int awaitExit() throws InterruptedException {
        int exit = process.waitFor();
        log.awaitEnd(2000);
        return exit;
    }

    /** Ends the process now (SIGKILL: its output is unwanted). Safe to call more than once. */
    public void kill(String reason) {
        if (process.isAlive()) {
            if (killReason == null) {
                killReason = reason;
            }
            process.destroyForcibly();
        }
    }

    /** Waits at most {@code millis} for the process to be gone. */
    public boolean awaitGone(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    /** Why the service killed it, or null when it ended by itself. */
    public String killReason() {
        return killReason;
    }

    public long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Seconds of audio ffmpeg reported writing (known after the exit). */
    public OptionalDouble outputSeconds() {
        return log.outputSeconds();
    }

    /** Lines ffmpeg logged at error level or above. */
    public List<String> errors() {
        return log.errors();
    }

    /**
     * Waits until ffmpeg has printed its description of the input (it moves on to its outputs, or it
     * ended), at most {@code timeout}; false when it has not by then.
     */
    public boolean awaitInputDescribed(Duration timeout) throws InterruptedException {
        return log.awaitDescribed(timeout.toMillis());
    }

    /** The first lines of stderr (without level tags). */
    public List<String> head() {
        return log.head();
    }

    void onExit(Runnable action) {
        process.onExit().thenRun(action);
    }

    /** ffmpeg's stdout, noting when its reader waits. */
    private final class WatchedOutput extends FilterInputStream {

        WatchedOutput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            waitingSince = System.nanoTime();
            try {
                return super.read();
            } finally {
                waitingSince = 0;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            waitingSince = System.nanoTime();
            try {
                return super.read(b, off, len);
            } finally {
                waitingSince = 0;
            }
        }
    }
}
