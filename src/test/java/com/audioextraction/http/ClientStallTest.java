package com.audioextraction.http;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.ServiceTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A client that stays connected but reads nothing for the stall timeout is dropped, and its ffmpeg killed. */
class ClientStallTest extends ServiceTestSupport {

    @Override
    protected void overrideProperties(Properties properties) {
        properties.put("audio.stall-timeout", "2s");
    }

    @Test
    void aClientThatReadsNothingIsDroppedAfterTheStallTimeout() throws Exception {
        try (Socket client = new Socket("127.0.0.1", port())) {
            client.setReceiveBufferSize(16 * 1024);
            client.getOutputStream().write(("GET /extract-audio?savepath=" + MediaFixtures.LONG
                    + "&audio_format=wav HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = client.getInputStream();
            assertTrue(in.read(new byte[1024]) > 0);
            Thread.sleep(500);
            assertEquals(1, ffmpegChildren(), "held by backpressure");
            // reads nothing more: after 2 s without draining, the service gives up on it
            assertEquals(0, awaitNoFfmpegChildren(6000), "ffmpeg of a stalled client still running");
        }
    }
}
