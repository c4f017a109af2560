package com.audioextraction.s3;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Properties;

import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.S3TestServer;
import com.audioextraction.testsupport.ServiceTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real S3 server that refuses the service's secret: a clear 502 naming what to check, no ffmpeg started. */
class S3WrongCredentialsTest extends ServiceTestSupport {

    private S3TestServer s3;

    @Override
    protected void overrideProperties(Properties properties) {
        try {
            s3 = S3TestServer.start(Path.of("target", "s3-credentials-test"));
            s3.upload("videos", "remote/news.mp4", MediaFixtures.bucket().resolve(MediaFixtures.TV));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        properties.put("audio.s3.endpoint", s3.endpoint());
        properties.put("audio.s3.access-key", S3TestServer.ACCESS_KEY);
        properties.put("audio.s3.secret-key", "not-the-secret");
    }

    @AfterAll
    void stopS3() throws Exception {
        s3.close();
    }

    @Test
    void wrongCredentialsAnswer502SayingWhatToCheck() throws Exception {
        long started = ffmpegProcesses().started();
        HttpResponse<byte[]> response = get("remote/news.mp4", "mp3");
        assertEquals(502, response.statusCode(), text(response));
        JsonNode error = new ObjectMapper().readTree(response.body());
        assertEquals("S3 store refused the service", error.path("error").asText(), error.toString());
        assertTrue(error.path("detail").asText().contains("SignatureDoesNotMatch"), error.toString());
        assertTrue(error.path("detail").asText().contains("audio.s3.secret-key"), error.toString());
        assertFalse(text(response).contains("not-the-secret"), text(response));
        assertEquals(started, ffmpegProcesses().started());
    }

    @Test
    void localFilesAreStillServed() throws Exception {
        assertEquals(200, get(MediaFixtures.TV, "aac").statusCode());
    }
}
