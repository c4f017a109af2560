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

/** Readiness goes DOWN (503) when the bucket root vanishes, and comes back with it. */
class HealthDownTest extends ServiceTestSupport {

    private static final Path DATA = Path.of("target", "health-down-data").toAbsolutePath();

    @Override
    protected void overrideProperties(Properties properties) {
        try {
            Files.createDirectories(DATA.resolve("videos"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        properties.put("audio.minio-data-path", DATA.toString());
    }

    private HttpResponse<String> ready() throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/observe/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readinessIsDownWhileTheBucketRootIsGone() throws Exception {
        assertEquals(200, ready().statusCode());
        Path moved = DATA.resolve("videos-away");
        Files.move(DATA.resolve("videos"), moved);
        try {
            HttpResponse<String> down = awaitReadiness(503);
            assertEquals(503, down.statusCode(), down.body());
            assertTrue(down.body().contains("\"name\":\"bucket\",\"status\":\"DOWN\""), down.body());
            assertTrue(down.body().contains("not a readable directory"), down.body());
        } finally {
            Files.move(moved, DATA.resolve("videos"));
        }
        assertEquals(200, awaitReadiness(200).statusCode());
        assertEquals(200, http.send(HttpRequest.newBuilder(uri("/observe/health/live")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "liveness does not depend on the bucket");
    }
}
