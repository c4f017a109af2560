package com.audioextraction.ffmpeg;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.audioextraction.StartupFailure;
import ws.schild.jave.process.ffmpeg.DefaultFFMPEGLocator;

/**
 * Chooses the ffmpeg to run: {@code audio.ffmpeg-path} when set, else {@code ffmpeg} on the PATH,
 * else the static build shipped in {@code jave-nativebin-linux64} (unpacked by jave's own locator),
 * so a machine with only Java can run the service. Fails start-up if the chosen one does not run.
 */
public final class FfmpegLocator {

    private FfmpegLocator() {
    }

    public static FfmpegBinary locate(String configuredPath) {
        return locate(configuredPath, System.getenv("PATH"));
    }

    static FfmpegBinary locate(String configuredPath, String searchPath) {
        if (configuredPath != null && !configuredPath.isBlank()) {
            return probe(configuredPath.trim(), "audio.ffmpeg-path");
        }
        Optional<Path> onPath = findOnPath("ffmpeg", searchPath);
        if (onPath.isPresent()) {
            return probe(onPath.get().toString(), "PATH");
        }
        return probe(new DefaultFFMPEGLocator().getExecutablePath(), "bundled");
    }

    /**
     * The ffprobe to probe with: {@code audio.ffprobe-path} when set, else the one beside the chosen
     * ffmpeg, else the PATH's; empty when there is none (the bundled build has no ffprobe).
     */
    public static Optional<String> ffprobeBeside(FfmpegBinary ffmpeg, String configuredPath) {
        if (configuredPath != null && !configuredPath.isBlank()) {
            return Optional.of(probe(configuredPath.trim(), "audio.ffprobe-path").path());
        }
        if (ffmpeg.origin().equals("bundled")) {
            return Optional.empty();
        }
        Path sibling = Path.of(ffmpeg.path()).resolveSibling("ffprobe");
        if (Files.isRegularFile(sibling) && Files.isExecutable(sibling)) {
            return Optional.of(sibling.toString());
        }
        return findOnPath("ffprobe", System.getenv("PATH")).map(Path::toString);
    }

    static Optional<Path> findOnPath(String name, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static FfmpegBinary probe(String executable, String origin) {
        try {
            Process process = new ProcessBuilder(List.of(executable, "-hide_banner", "-version"))
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new StartupFailure("ffmpeg at " + executable + " did not answer -version within 10 s");
            }
            if (process.exitValue() != 0) {
                throw new StartupFailure("ffmpeg at " + executable + " (" + origin + ") exited "
                        + process.exitValue() + " on -version: " + output.strip());
            }
            return new FfmpegBinary(executable, origin, output.lines().findFirst().orElse("unknown version"));
        } catch (IOException e) {
            throw new StartupFailure("cannot run ffmpeg at " + executable + " (" + origin + "): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking ffmpeg", e);
        }
    }
}
