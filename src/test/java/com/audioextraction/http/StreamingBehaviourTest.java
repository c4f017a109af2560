package com.audioextraction.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.audioextraction.testsupport.AudioProbe;
import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.ServiceTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the stream behaves over time: broken inputs, disconnects, concurrent and slow clients. */
class StreamingBehaviourTest extends ServiceTestSupport {

    @Test
    void aTruncatedVideoNeverEndsAsACleanResponse() throws Exception {
        // ffmpeg exits 0 on a cut mp4 ("partial file"); the client must still see a broken transfer
        HttpRequest request = HttpRequest.newBuilder(uri("/extract-audio?savepath=" + MediaFixtures.TRUNCATED))
                .timeout(Duration.ofSeconds(30)).build();
        IOException broken = assertThrows(IOException.class, () -> http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
        assertTrue(broken.getMessage() != null, "the transfer must fail, not end");
        assertEquals(0, awaitNoFfmpegChildren(1000));
    }

    @Test
    void sendsTheStatusOnlyWithTheFirstBytesSoAnEarlyFailureIsAJsonError() throws Exception {
        // the truncated file fails late (after output), the non-media one early (before any): early = JSON
        HttpResponse<byte[]> response = postJson(json(MediaFixtures.NOT_MEDIA, "mp3"));
        assertEquals(422, response.statusCode());
    }

    @Test
    void aDisconnectingClientHasItsFfmpegKilledWithinASecond() throws Exception {
        try (Socket socket = rawGet(MediaFixtures.LONG, "wav")) {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            int received = 0;
            while (received < 256 * 1024) {
                int n = in.read(buffer);
                assertTrue(n > 0, "stream ended early");
                received += n;
            }
            // not reading: backpressure holds ffmpeg (5 minutes of WAV is 57 MB, far more than the buffers)
            Thread.sleep(1000);
            assertEquals(1, ffmpegChildren(), "ffmpeg should be running, held by backpressure");
        }
        long closedAt = System.nanoTime();
        assertEquals(0, awaitNoFfmpegChildren(1000), "ffmpeg still running 1 s after the client left");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closedAt);
        assertTrue(millis <= 1000, "took " + millis + " ms");
        assertEquals(0, awaitNoRunningExtractions(1000));
    }

    @Test
    void twoConcurrentRequestsBothStreamCompletely() throws Exception {
        CompletableFuture<HttpResponse<byte[]>> first = http.sendAsync(getRequest(MediaFixtures.LONG, "mp3"),
                HttpResponse.BodyHandlers.ofByteArray());
        CompletableFuture<HttpResponse<byte[]>> second = http.sendAsync(getRequest(MediaFixtures.TV, "flac"),
                HttpResponse.BodyHandlers.ofByteArray());

        HttpResponse<byte[]> longOne = first.get(60, TimeUnit.SECONDS);
        HttpResponse<byte[]> shortOne = second.get(60, TimeUnit.SECONDS);
        assertEquals(200, longOne.statusCode());
        assertEquals(200, shortOne.statusCode());
        assertEquals(MediaFixtures.LONG_SECONDS, AudioProbe.of(longOne.body()).duration(), 0.1);
        assertEquals(MediaFixtures.TV_SECONDS, AudioProbe.of(shortOne.body()).duration(), 0.1);
    }

    @Test
    void aClientThatReadsSlowlyDoesNotHoldUpFourOthers() throws Exception {
        try (Socket slow = rawGet(MediaFixtures.LONG, "wav")) {
            // the slow client took its first bytes; it reads nothing more while the others run

            long start = System.nanoTime();
            List<CompletableFuture<HttpResponse<byte[]>>> others = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                others.add(http.sendAsync(getRequest(MediaFixtures.TV, "wav"), HttpResponse.BodyHandlers.ofByteArray()));
            }
            for (CompletableFuture<HttpResponse<byte[]>> other : others) {
                HttpResponse<byte[]> response = other.get(30, TimeUnit.SECONDS);
                assertEquals(200, response.statusCode());
                assertEquals(MediaFixtures.TV_SECONDS, AudioProbe.of(response.body()).duration(), 0.1);
            }
            // each alone takes ~0.2 s; queued behind the slow stream they would never finish
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < 15_000, "four 10 s WAVs took " + millis + " ms next to a slow client");
            assertEquals(1, ffmpegChildren(), "the slow client's ffmpeg is still held by backpressure");
        }
        assertEquals(0, awaitNoFfmpegChildren(1000));
    }

    private HttpRequest getRequest(String savepath, String format) {
        return HttpRequest.newBuilder(uri("/extract-audio?savepath=" + savepath + "&audio_format=" + format))
                .timeout(Duration.ofSeconds(60)).build();
    }

}
