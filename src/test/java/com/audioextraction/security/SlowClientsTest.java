package com.audioextraction.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.ServiceTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients that hold connections without finishing their requests: they must not take anyone
 * else's service. Before, each POST announcing a body it never sent held one of the 20 worker
 * threads for 30 s, and 21 of them froze the whole API, readiness included.
 */
class SlowClientsTest extends ServiceTestSupport {

    private static final int IDLE_BODIES = 30;
    private static final int SLOWLORIS = 50;

    @Override
    protected void overrideProperties(Properties properties) {
        properties.put("audio.http.body-timeout", "2s");
        properties.put("audio.http.idle-timeout", "3s");
    }

    @Test
    void postsThatNeverSendTheirBodyHoldNoThreadAndGet408() throws Exception {
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < IDLE_BODIES; i++) {
                Socket socket = new Socket("127.0.0.1", port());
                socket.getOutputStream().write(("POST /extract-audio HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                idle.add(socket);
            }
            assertOthersAreServed();
            for (Socket socket : idle) {
                String answer = readUntilClosed(socket, 6000);
                assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
                assertTrue(answer.contains("\"error\":\"request body incomplete\""), answer);
            }
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }

    @Test
    void slowlorisConnectionsAreClosedAndServeNoOneLess() throws Exception {
        List<Socket> slow = new ArrayList<>();
        Thread trickle = new Thread(() -> {
            try {
                for (int round = 0; round < 20; round++) {
                    for (Socket socket : slow) {
                        try {
                            socket.getOutputStream().write(("X-Slow-" + round + ": 1\r\n").getBytes(StandardCharsets.US_ASCII));
                        } catch (IOException closed) {
                            // the server hung up: as it should
                        }
                    }
                    Thread.sleep(250);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "slowloris");
        try {
            for (int i = 0; i < SLOWLORIS; i++) {
                Socket socket = new Socket("127.0.0.1", port());
                socket.getOutputStream().write(("GET /extract-audio?savepath=" + MediaFixtures.TV + " HTTP/1.1\r\nHost: x\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            trickle.start();
            assertOthersAreServed();
            for (Socket socket : slow) {
                // a head still incomplete after the idle timeout: the connection is closed, with no answer
                assertEquals("", readUntilClosed(socket, 6000));
            }
        } finally {
            trickle.interrupt();
            trickle.join();
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    /** Readiness answers within a second, several times, and an extraction is served whole. */
    private void assertOthersAreServed() throws Exception {
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(uri("/observe/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(200, ready.statusCode(), ready.body());
            assertTrue(millis < 1000, "readiness took " + millis + " ms");
        }
        HttpResponse<byte[]> pcm = http.send(HttpRequest.newBuilder(uri("/extract-audio?savepath=" + MediaFixtures.TV
                + "&audio_format=pcm")).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pcm.statusCode());
        assertEquals(MediaFixtures.TV_SECONDS * 16000 * 2, pcm.body().length, 0.05 * 16000 * 2);
    }

    /** Everything the server sends until it closes the connection (fails if it is still open after {@code millis}). */
    private static String readUntilClosed(Socket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open for " + millis + " ms; received: " + received);
        } catch (IOException reset) {
            // closed by a reset: closed all the same
        }
        return received.toString(StandardCharsets.US_ASCII);
    }
}
