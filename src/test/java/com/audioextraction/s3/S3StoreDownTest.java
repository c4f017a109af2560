package com.audioextraction.s3;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;

import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.ServiceTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The S3 store is down (nothing listens at its port) from the start: the service starts anyway,
 * serves local files, answers 502 for the rest and reports the store in its readiness.
 */
class S3StoreDownTest extends ServiceTestSupport {

    @Override
    protected void overrideProperties(Properties properties) {
        properties.put("audio.s3.endpoint", "http://127.0.0.1:" + freePort()); // nothing listens there
        properties.put("audio.s3.access-key", "any");
        properties.put("audio.s3.secret-key", "any-secret");
        properties.put("audio.s3.timeout", "2s");
    }

    @Test
    void servesLocalFilesAndAnswers502ForTheRest() throws Exception {
        assertEquals(200, get(MediaFixtures.TV, "aac").statusCode());
        HttpResponse<byte[]> response = get("only/in/s3.mp4", "mp3");
        assertEquals(502, response.statusCode(), text(response));
        JsonNode error = new ObjectMapper().readTree(response.body());
        assertEquals("S3 store unreachable", error.path("error").asText(), error.toString());
        assertTrue(error.path("detail").asText().contains("ConnectException"), error.toString());
    }

    @Test
    void readinessIsDownNamingTheStore() throws Exception {
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(uri("/observe/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(503, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("cannot reach the store"), ready.body());
        HttpResponse<String> live = http.send(HttpRequest.newBuilder(uri("/observe/health/live")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, live.statusCode(), live.body());
    }
}
