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
            Socket client = connect(port);
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

    private static Socket connect(int port) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try {
                return new Socket("127.0.0.1", port);
            } catch (java.io.IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("the service did not start listening", e);
                }
                Thread.sleep(100);
            }
        }
    }
}
