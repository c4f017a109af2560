package com.audioextraction.http;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.ServiceTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stopping the service while a client holds a stream leaves no ffmpeg behind. */
class ShutdownTest extends ServiceTestSupport {

    @Override
    protected void overrideProperties(Properties properties) {
        properties.put("camel.main.shutdown-timeout", "2");
    }

    @Test
    void stoppingTheServiceMidStreamKillsItsFfmpeg() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /extract-audio?savepath=" + MediaFixtures.LONG + "&audio_format=wav HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            assertTrue(in.read(new byte[4096]) > 0);
            Thread.sleep(500);
            assertEquals(1, ffmpegChildren(), "ffmpeg held by backpressure");

            stopService();

            assertEquals(0, awaitNoFfmpegChildren(1000), "ffmpeg outlived the service");
        }
    }
}
