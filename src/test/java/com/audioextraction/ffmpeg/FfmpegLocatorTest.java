package com.audioextraction.ffmpeg;

import java.nio.file.Files;
import java.nio.file.Path;

import com.audioextraction.StartupFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which ffmpeg the service runs: the configured one, else the PATH's, else the bundled build. */
class FfmpegLocatorTest {

    @Test
    void prefersTheConfiguredPath() {
        Path onPath = FfmpegLocator.findOnPath("ffmpeg", System.getenv("PATH")).orElseThrow();
        FfmpegBinary binary = FfmpegLocator.locate(onPath.toString(), "/nonexistent");
        assertEquals("audio.ffmpeg-path", binary.origin());
        assertEquals(onPath.toString(), binary.path());
        assertTrue(binary.version().startsWith("ffmpeg version"), binary.version());
    }

    @Test
    void usesFfmpegOnThePathWhenNoneIsConfigured() {
        FfmpegBinary binary = FfmpegLocator.locate(" ", System.getenv("PATH"));
        assertEquals("PATH", binary.origin());
    }

    @Test
    void fallsBackToTheBundledStaticBuildWhenThePathHasNone(@TempDir Path emptyDir) {
        FfmpegBinary binary = FfmpegLocator.locate("", emptyDir.toString());
        assertEquals("bundled", binary.origin());
        assertTrue(Files.isExecutable(Path.of(binary.path())), binary.path());
        assertTrue(binary.version().startsWith("ffmpeg version"), binary.version());
    }

    @Test
    void refusesToStartWithAConfiguredPathThatIsNotFfmpeg(@TempDir Path dir) {
        StartupFailure e = assertThrows(StartupFailure.class,
                () -> FfmpegLocator.locate(dir.resolve("missing-ffmpeg").toString(), "/nonexistent"));
        assertTrue(e.getMessage().contains("missing-ffmpeg"), e.getMessage());
    }
}
