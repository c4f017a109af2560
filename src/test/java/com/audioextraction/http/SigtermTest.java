package com.audioextraction.http;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.ServiceProcess;
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
        try (ServiceProcess service = ServiceProcess.start(Path.of("target", "sigterm-test").toAbsolutePath(),
                List.of("-Daudio.shutdown-grace=2")).awaitListening()) {
            Socket client = new Socket("127.0.0.1", service.port());
            OutputStream out = client.getOutputStream();
            out.write(("GET /extract-audio?savepath=" + MediaFixtures.LONG + "&audio_format=wav HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = client.getInputStream();
            assertTrue(in.read(new byte[4096]) > 0);
            Thread.sleep(300);
            List<ProcessHandle> ffmpegs = service.process().descendants()
                    .filter(p -> p.info().command().map(c -> c.contains("ffmpeg")).orElse(false)).toList();
            assertEquals(1, ffmpegs.size(), "the stream's ffmpeg runs, held by backpressure");

            assertTrue(service.terminate(10), "the service did not exit after SIGTERM");
            for (ProcessHandle ffmpeg : ffmpegs) {
                assertTrue(ffmpeg.onExit().get(2, TimeUnit.SECONDS) != null);
                assertTrue(!ffmpeg.isAlive(), "ffmpeg pid " + ffmpeg.pid() + " outlived the service");
            }
            client.close();
        }
    }
}
