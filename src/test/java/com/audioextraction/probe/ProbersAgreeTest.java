package com.audioextraction.probe;

import java.time.Duration;
import java.util.List;

import com.audioextraction.ApiException;
import com.audioextraction.ffmpeg.FfmpegProcesses;
import com.audioextraction.source.Source;
import com.audioextraction.testsupport.MediaFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * On a machine with only the bundled ffmpeg there is no ffprobe: the probe then reads ffmpeg's own
 * description of its input. Both must tell the same story about the same files.
 */
class ProbersAgreeTest {

    private static final FfmpegProcesses PROCESSES = new FfmpegProcesses();
    private final MediaProber ffprobe = new FfprobeProber("ffprobe", PROCESSES, Duration.ofSeconds(30));
    private final MediaProber ffmpegDump = new FfmpegDumpProber("ffmpeg", PROCESSES, Duration.ofSeconds(30));

    @AfterAll
    static void stop() {
        PROCESSES.stop();
    }

    @Test
    void bothProbersDescribeTheFixturesAlike() {
        for (String savepath : List.of(MediaFixtures.TV, MediaFixtures.MOOV_AT_END, MediaFixtures.TWO_LANGUAGES,
                MediaFixtures.NO_AUDIO, MediaFixtures.MP3_AUDIO)) {
            Source source = MediaFixtures.open(savepath);
            MediaInfo a = ffprobe.probe(source, savepath);
            MediaInfo b = ffmpegDump.probe(source, savepath);
            assertEquals(a.container(), b.container(), savepath);
            assertEquals(a.duration(), b.duration(), 0.011, savepath); // ffmpeg prints centiseconds
            assertEquals(a.size(), b.size(), savepath);
            assertEquals(a.hasVideo(), b.hasVideo(), savepath);
            assertEquals(a.audio().size(), b.audio().size(), savepath);
            for (int i = 0; i < a.audio().size(); i++) {
                AudioStream x = a.audio().get(i);
                AudioStream y = b.audio().get(i);
                assertEquals(x.streamIndex(), y.streamIndex(), savepath);
                assertEquals(x.codec(), y.codec(), savepath);
                assertEquals(x.channels(), y.channels(), savepath);
                assertEquals(x.sampleRate(), y.sampleRate(), savepath);
                assertEquals(x.language(), y.language(), savepath);
                assertEquals(x.isDefault(), y.isDefault(), savepath);
            }
        }
    }

    @Test
    void bothProbersCallANonMediaFileUnprocessable() {
        Source source = MediaFixtures.open(MediaFixtures.NOT_MEDIA);
        assertEquals(422, assertThrows(ApiException.class, () -> ffprobe.probe(source, MediaFixtures.NOT_MEDIA)).status());
        assertEquals(422, assertThrows(ApiException.class, () -> ffmpegDump.probe(source, MediaFixtures.NOT_MEDIA)).status());
    }
}
