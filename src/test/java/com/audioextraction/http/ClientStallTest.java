package com.audioextraction.http;

import java.net.Socket;
import java.util.Properties;

import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.ServiceTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A client that stays connected but reads nothing for the stall timeout is dropped, and its ffmpeg killed. */
class ClientStallTest extends ServiceTestSupport {

    @Override
    protected void overrideProperties(Properties properties) {
        properties.put("audio.stall-timeout", "2s");
    }

    @Test
    void aClientThatReadsNothingIsDroppedAfterTheStallTimeout() throws Exception {
        try (Socket client = rawGet(MediaFixtures.LONG, "wav")) {
            Thread.sleep(500);
            assertEquals(1, ffmpegChildren(), "held by backpressure");
            // reads nothing more: after 2 s without draining, the service gives up on it
            assertEquals(0, awaitNoFfmpegChildren(6000), "ffmpeg of a stalled client still running");
        }
    }
}
