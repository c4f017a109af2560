package com.audioextraction.health;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Ready only while the chosen ffmpeg is there and runs ({@code ffmpeg -version} within 5 s; a success is kept 10 s). */
public class FfmpegHealthCheck extends ReadinessCheck {

    private final String ffmpeg;

    public FfmpegHealthCheck(String ffmpeg) {
        super("ffmpeg", "path", ffmpeg, Duration.ofSeconds(10));
        this.ffmpeg = ffmpeg;
    }

    @Override
    protected String quickProblem() {
        return Files.isExecutable(Path.of(ffmpeg)) ? null : "ffmpeg is missing or not executable at " + ffmpeg;
    }

    @Override
    protected String findProblem() {
        try {
            Process process = new ProcessBuilder(List.of(ffmpeg, "-hide_banner", "-version"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "ffmpeg -version did not answer within 5 s";
            }
            return process.exitValue() == 0 ? null : "ffmpeg -version exited " + process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return "cannot run ffmpeg: " + e.getMessage();
        }
    }
}
