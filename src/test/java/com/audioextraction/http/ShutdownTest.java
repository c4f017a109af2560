package com.audioextraction.http;

import java.net.Socket;
import java.util.Properties;

import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.ServiceTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Stopping the service while a client holds a stream leaves no ffmpeg behind. */
class ShutdownTest extends ServiceTestSupport {

    @Override
    protected void overrideProperties(Properties properties) {
        properties.put("camel.main.shutdown-timeout", "2");
    }

    @Test
    void stoppingTheServiceMidStreamKillsItsFfmpeg() throws Exception {
        try (Socket socket = rawGet(MediaFixtures.LONG, "wav")) {
            Thread.sleep(500);
            assertEquals(1, ffmpegChildren(), "ffmpeg held by backpressure");

            stopService();

            assertEquals(0, awaitNoFfmpegChildren(1000), "ffmpeg outlived the service");
        }
    }
}
