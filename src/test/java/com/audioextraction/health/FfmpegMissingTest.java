package com.audioextraction.health;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import com.audioextraction.testsupport.ServiceTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Readiness goes DOWN when the configured ffmpeg disappears. */
class FfmpegMissingTest extends ServiceTestSupport {

    private static final Path LINK = Path.of("target", "ffmpeg-link", "ffmpeg").toAbsolutePath();

    @Override
    protected void overrideProperties(Properties properties) {
        try {
            Files.createDirectories(LINK.getParent());
            Files.deleteIfExists(LINK);
            Path real = Path.of(new String(new ProcessBuilder("sh", "-c", "command -v ffmpeg").start()
                    .getInputStream().readAllBytes()).strip());
            Files.createSymbolicLink(LINK, real);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        properties.put("audio.ffmpeg-path", LINK.toString());
    }

    @Test
    void readinessIsDownWhenFfmpegIsMissing() throws Exception {
        Files.delete(LINK);
        HttpResponse<String> down = awaitReadiness(503);
        assertEquals(503, down.statusCode(), down.body());
        assertTrue(down.body().contains("\"name\":\"ffmpeg\",\"status\":\"DOWN\""), down.body());
        assertTrue(down.body().contains("missing or not executable"), down.body());
    }
}
