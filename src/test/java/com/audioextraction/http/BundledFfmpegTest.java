package com.audioextraction.http;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;

import com.audioextraction.testsupport.AudioProbe;
import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.ServiceTestSupport;
import org.junit.jupiter.api.Test;
import ws.schild.jave.process.ffmpeg.DefaultFFMPEGLocator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The service on the static ffmpeg bundled in the jar (what a machine without ffmpeg runs). It
 * starts in milliseconds, so a truncated file fails right after its first bytes: the reset must
 * still win over the end of the response, every time.
 */
class BundledFfmpegTest extends ServiceTestSupport {

    @Override
    protected void overrideProperties(Properties properties) {
        properties.put("audio.ffmpeg-path", new DefaultFFMPEGLocator().getExecutablePath());
    }

    @Test
    void extractsWithTheBundledFfmpeg() throws Exception {
        HttpResponse<byte[]> response = get(MediaFixtures.TV, "mp3");
        assertEquals(200, response.statusCode(), () -> text(response));
        assertEquals(MediaFixtures.TV_SECONDS, AudioProbe.of(response.body()).duration(), 0.1);
    }

    @Test
    void aFastFailingTruncatedFileNeverEndsCleanly() throws Exception {
        for (int i = 0; i < 5; i++) {
            HttpRequest request = HttpRequest.newBuilder(uri("/extract-audio?savepath=" + MediaFixtures.TRUNCATED
                    + "&audio_format=" + (i % 2 == 0 ? "mp3" : "wav"))).build();
            assertThrows(IOException.class, () -> http.send(request, HttpResponse.BodyHandlers.ofByteArray()), "attempt " + i);
            // curl, as a user would run it: exit 18 is "transfer closed with outstanding read data remaining"
            Process curl = new ProcessBuilder("curl", "-s", "-o", "/dev/null", uri("/extract-audio?savepath="
                    + MediaFixtures.TRUNCATED + "&audio_format=mp3").toString()).start();
            assertEquals(18, curl.waitFor(), "curl saw a complete transfer on attempt " + i);
        }
    }
}
