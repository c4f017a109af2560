package com.audioextraction.ffmpeg;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An ffmpeg that never produces output (its input is a fifo nobody writes to) is killed after the
 * stall timeout. (The HTTP path never hands ffmpeg a fifo: only regular files resolve. This drives
 * the process directly.)
 */
class StallTest {

    @Test
    void anFfmpegThatProducesNothingIsKilledAfterTheStallTimeout(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("never.mp4");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        FfmpegProcesses processes = new FfmpegProcesses();
        try {
            FfmpegProcess ffmpeg = processes.start("ffmpeg", List.of("-nostdin", "-hide_banner", "-loglevel", "level+info",
                    "-i", "file:" + fifo, "-f", "wav", "pipe:1"));
            ffmpeg.watchOutput(Duration.ofSeconds(1));
            long start = System.nanoTime();
            try (InputStream out = ffmpeg.stdout()) {
                assertEquals(-1, out.read(new byte[1024]), "no output, then the end of the stream");
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ffmpeg.awaitGone(1000));
            assertFalse(ffmpeg.isAlive());
            assertEquals("ffmpeg produced no output for 1 s", ffmpeg.killReason());
            assertTrue(millis >= 1000 && millis < 3500, "killed after " + millis + " ms");
        } finally {
            processes.stop();
        }
    }
}
