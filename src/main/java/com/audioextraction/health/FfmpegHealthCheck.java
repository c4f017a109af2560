package com.audioextraction.health;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Ready only while the chosen ffmpeg still runs ({@code ffmpeg -version} within 5 s). The answer is
 * kept for 10 s so frequent probes do not fork a process each.
 */
public class FfmpegHealthCheck extends AbstractHealthCheck {

    private static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final String ffmpeg;
    private long checkedAt;
    private String failure;

    public FfmpegHealthCheck(String ffmpeg) {
        super("audio", "ffmpeg");
        this.ffmpeg = ffmpeg;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("path", ffmpeg);
        String problem = problem();
        if (problem == null) {
            builder.up();
        } else {
            builder.message(problem).down();
        }
    }

    private synchronized String problem() {
        long now = System.nanoTime();
        if (checkedAt == 0 || now - checkedAt > CACHE_NANOS) {
            failure = run();
            checkedAt = now;
        }
        return failure;
    }

    private String run() {
        if (!Files.isExecutable(Path.of(ffmpeg))) {
            return "ffmpeg is missing or not executable at " + ffmpeg;
        }
        try {
            Process process = new ProcessBuilder(List.of(ffmpeg, "-hide_banner", "-version"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "ffmpeg -version did not answer within 5 s";
            }
            return process.exitValue() == 0 ? null : "ffmpeg -version exited " + process.exitValue();
        } catch (Exception e) {
            return "cannot run ffmpeg: " + e.getMessage();
        }
    }
}
