package com.audioextraction.http;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.audioextraction.Application;
import com.audioextraction.testsupport.MediaFixtures;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service as its own process, stopped with SIGTERM (what systemd sends) while a client holds a
 * stream: it exits within the grace period and leaves no ffmpeg behind.
 */
class SigtermTest {

    @Test
    void sigtermDuringAStreamLeavesNoProcessBehind() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = Path.of("target", "sigterm-service.log");
        Process service = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dcamel.server.host=127.0.0.1", "-Dcamel.server.port=" + port,
                "-Daudio.minio-data-path=" + MediaFixtures.dataPath(), "-Daudio.shutdown-grace=2",
                Application.class.getName()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitReady(port);
            Socket client = new Socket("127.0.0.1", port);
            OutputStream out = client.getOutputStream();
            out.write(("GET /extract-audio?savepath=" + MediaFixtures.LONG + "&audio_format=wav HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = client.getInputStream();
            assertTrue(in.read(new byte[4096]) > 0);
            Thread.sleep(300);
            List<ProcessHandle> ffmpegs = service.descendants()
                    .filter(p -> p.info().command().map(c -> c.contains("ffmpeg")).orElse(false)).toList();
            assertEquals(1, ffmpegs.size(), "the stream's ffmpeg runs, held by backpressure");

            service.destroy(); // SIGTERM
            assertTrue(service.waitFor(10, TimeUnit.SECONDS), "the service did not exit after SIGTERM");
            for (ProcessHandle ffmpeg : ffmpegs) {
                assertTrue(ffmpeg.onExit().get(2, TimeUnit.SECONDS) != null);
                assertTrue(!ffmpeg.isAlive(), "ffmpeg pid " + ffmpeg.pid() + " outlived the service");
            }
            client.close();
        } finally {
            service.destroyForcibly();
        }
    }

    /** Waits until readiness answers 200: the port may accept connections before the routes are in place. */
    private static void awaitReady(int port) throws InterruptedException {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                        + "/observe/health/ready")).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not become ready");
    }
}
