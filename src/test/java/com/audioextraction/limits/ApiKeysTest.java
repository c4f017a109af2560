package com.audioextraction.limits;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;

import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.ServiceTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With API keys configured, extraction and probe need one. */
class ApiKeysTest extends ServiceTestSupport {

    @Override
    protected void overrideProperties(Properties properties) {
        properties.put("audio.api-keys", "first-key-123, second-key-456");
        properties.put("audio.protect-metrics", "true");
    }

    private HttpResponse<byte[]> call(String path, String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (header != null) {
            request.header(header, value);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aMissingKeyIs401WithAJsonError() throws Exception {
        HttpResponse<byte[]> response = call("/extract-audio?savepath=" + MediaFixtures.TV, null, null);
        assertEquals(401, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(null));
        assertEquals("Bearer realm=\"audio-extraction\"", response.headers().firstValue("WWW-Authenticate").orElse(null));
        assertTrue(text(response).contains("\"error\":\"unauthorized\""), text(response));
    }

    @Test
    void aWrongKeyIs401() throws Exception {
        assertEquals(401, call("/extract-audio?savepath=" + MediaFixtures.TV, "Authorization", "Bearer first-key-12").statusCode());
        assertEquals(401, call("/extract-audio?savepath=" + MediaFixtures.TV, "X-API-Key", "nope").statusCode());
        assertEquals(401, call("/probe?savepath=" + MediaFixtures.TV, "Authorization", "Basic Zmlyc3Qta2V5LTEyMw==").statusCode());
    }

    @Test
    void eitherKeyWorksAsBearerOrXApiKey() throws Exception {
        assertEquals(200, call("/extract-audio?savepath=" + MediaFixtures.TV + "&audio_format=wav",
                "Authorization", "Bearer first-key-123").statusCode());
        assertEquals(200, call("/extract-audio?savepath=" + MediaFixtures.TV + "&audio_format=wav",
                "X-API-Key", "second-key-456").statusCode());
        assertEquals(200, call("/probe?savepath=" + MediaFixtures.TV, "X-API-Key", "first-key-123").statusCode());
    }

    @Test
    void metricsCanBeProtectedWhileHealthStaysOpen() throws Exception {
        HttpResponse<byte[]> denied = call("/observe/metrics", null, null);
        assertEquals(401, denied.statusCode());
        assertTrue(text(denied).contains("unauthorized"), text(denied));
        HttpResponse<byte[]> allowed = call("/observe/metrics", "X-API-Key", "first-key-123");
        assertEquals(200, allowed.statusCode());
        assertTrue(text(allowed).contains("audio_extractions_active"), text(allowed));
        assertEquals(200, call("/observe/health", null, null).statusCode());
    }

    @Test
    void theProbeAndJobSubmissionNeedAKeyTooTheApiDocumentDoesNot() throws Exception {
        assertEquals(401, call("/probe?savepath=" + MediaFixtures.TV, null, null).statusCode());
        HttpResponse<String> jobs = http.send(java.net.http.HttpRequest.newBuilder(uri("/jobs"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"savepath\": \"" + MediaFixtures.TV + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, jobs.statusCode(), jobs.body());
        assertEquals(200, call("/openapi.json", null, null).statusCode());
        assertEquals(200, call("/observe/health/ready", null, null).statusCode());
    }
}
