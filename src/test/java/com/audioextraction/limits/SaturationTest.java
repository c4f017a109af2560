package com.audioextraction.limits;

import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.ServiceTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One slot, one place in the queue, one second of patience: what callers beyond that get. */
class SaturationTest extends ServiceTestSupport {

    @Override
    protected void overrideProperties(Properties properties) {
        properties.put("audio.max-concurrent-extractions", "1");
        properties.put("audio.max-queued-requests", "1");
        properties.put("audio.queue-timeout", "1s");
    }

    @Test
    void beyondItsSlotsAndQueueTheServiceAnswers503WithRetryAfterAndRecovers() throws Exception {
        HttpRequest tv = HttpRequest.newBuilder(uri("/extract-audio?savepath=" + MediaFixtures.TV + "&audio_format=wav")).build();
        // the only slot: a stream whose client reads nothing more, held by backpressure
        try (Socket holder = rawGet(MediaFixtures.LONG, "wav")) {

            CompletableFuture<HttpResponse<byte[]>> queued = http.sendAsync(tv, HttpResponse.BodyHandlers.ofByteArray());
            Thread.sleep(200); // let it take the one place in the queue
            long start = System.nanoTime();
            HttpResponse<byte[]> rejected = http.send(tv, HttpResponse.BodyHandlers.ofByteArray());
            long rejectedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertEquals(503, rejected.statusCode(), () -> text(rejected));
            assertEquals("application/json", rejected.headers().firstValue("Content-Type").orElse(null));
            assertEquals("1", rejected.headers().firstValue("Retry-After").orElse(null));
            assertTrue(text(rejected).contains("service saturated"), text(rejected));
            assertTrue(rejectedMillis < 500, "a full queue answers at once, took " + rejectedMillis + " ms");

            HttpResponse<byte[]> timedOut = queued.get(10, TimeUnit.SECONDS);
            assertEquals(503, timedOut.statusCode(), () -> text(timedOut));
            assertTrue(text(timedOut).contains("within 1 s"), text(timedOut));
        }
        // the held stream's client is gone: its slot comes back
        HttpResponse<byte[]> served = http.send(tv, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, served.statusCode(), () -> text(served));
        assertEquals(0, awaitNoFfmpegChildren(1000));
    }

    @Test
    void aQueuedRequestIsServedWhenASlotFreesInTime() throws Exception {
        HttpRequest tv = HttpRequest.newBuilder(uri("/extract-audio?savepath=" + MediaFixtures.TV + "&audio_format=mp3")).build();
        CompletableFuture<HttpResponse<byte[]>> first = http.sendAsync(tv, HttpResponse.BodyHandlers.ofByteArray());
        CompletableFuture<HttpResponse<byte[]>> second = http.sendAsync(tv, HttpResponse.BodyHandlers.ofByteArray());
        // each takes ~0.3 s: the second waits for the first's slot, well within the 1 s timeout
        assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
        assertEquals(200, second.get(10, TimeUnit.SECONDS).statusCode());
    }
}
