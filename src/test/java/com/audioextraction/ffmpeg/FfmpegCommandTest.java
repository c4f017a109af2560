package com.audioextraction.ffmpeg;

import java.nio.file.Path;
import java.util.List;

import com.audioextraction.extraction.ExtractionPlan;
import com.audioextraction.format.AudioFormat;
import com.audioextraction.jobs.OutputStore;
import com.audioextraction.probe.AudioStream;
import com.audioextraction.probe.MediaInfo;
import com.audioextraction.request.ExtractionOptions;
import com.audioextraction.request.ExtractionRequest;
import com.audioextraction.source.Source;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ffmpeg's argument lists: what it may open, which stream, how it encodes, where it writes. */
class FfmpegCommandTest {

    private static final AudioStream STREAM = new AudioStream(0, 1, "aac", 2, 48000, null, null, true);
    private static final MediaInfo MEDIA = new MediaInfo("tv/a.mp4", "mov", 10.0, 100, true, List.of(STREAM));
    private static final InputPolicy POLICY = InputPolicy.of("mov,matroska");
    private static final Source SOURCE = new Source("file:/proc/1/fd/9", POLICY.localFile(), "/data/tv/a.mp4", 100, null);
    private final FfmpegCommand command = new FfmpegCommand(new FfmpegBinary("/usr/bin/ffmpeg", "PATH", "ffmpeg version x"));

    private static ExtractionPlan plan(AudioFormat format, Double start, Double duration) {
        ExtractionRequest request = new ExtractionRequest("id", "tv/a.mp4", format,
                new ExtractionOptions(null, null, null, start, duration, null, null));
        return new ExtractionPlan(request, MEDIA, STREAM, 16000, 1, null, duration);
    }

    @Test
    void streamsPcmForWhisperFromTheOneOpenedFile() {
        assertEquals(List.of("-nostdin", "-hide_banner", "-nostats", "-loglevel", "level+info", "-xerror",
                "-protocol_whitelist", "file", "-format_whitelist", "mov,matroska", "-i", "file:/proc/1/fd/9",
                "-map", "0:a:0", "-vn", "-sn", "-dn", "-acodec", "pcm_s16le", "-ar", "16000", "-ac", "1",
                "-flush_packets", "0", "-f", "s16le", "pipe:1"), command.toStream(SOURCE, plan(AudioFormat.PCM, null, null)));
    }

    @Test
    void leavesARateOrChannelCountTheStreamHasToFfmpeg() {
        ExtractionRequest request = new ExtractionRequest("id", "tv/a.mp4", AudioFormat.WAV,
                new ExtractionOptions(null, null, null, null, null, null, null));
        List<String> args = command.toStream(SOURCE, new ExtractionPlan(request, MEDIA, STREAM, 48000, 2, null, null));
        assertTrue(!args.contains("-ar") && !args.contains("-ac"), args.toString());
        args = command.toStream(SOURCE, new ExtractionPlan(request, MEDIA, STREAM, 48000, 1, null, null));
        assertEquals(List.of("-ac", "1"), args.subList(args.indexOf("-ac"), args.indexOf("-ac") + 2));
        assertTrue(!args.contains("-ar"));
    }

    @Test
    void seeksBeforeTheInputWhenReEncoding() {
        List<String> args = command.toStream(SOURCE, plan(AudioFormat.WAV, 12.5, 3.0));
        assertEquals(List.of("-ss", "12.5", "-t", "3"), args.subList(args.indexOf("-ss"), args.indexOf("-ss") + 4));
        assertTrue(args.indexOf("-ss") < args.indexOf("-i"));
    }

    @Test
    void copiedAacDropsThePacketsBeforeTheStartAtTheOutput() {
        List<String> args = command.toStream(SOURCE, plan(AudioFormat.AAC, 12.0, 3.0));
        int input = args.indexOf("-i");
        assertEquals(List.of("-ss", "12"), args.subList(args.indexOf("-ss"), args.indexOf("-ss") + 2));
        assertTrue(args.indexOf("-ss") < input, "seek before the input");
        assertEquals(List.of("-ss", "0", "-t", "3"), args.subList(input + 2, input + 6), "cut after it");
        assertTrue(!args.subList(0, input).contains("-t"), "no duration on the input side");
    }

    @Test
    void aJobsFfmpegWritesItsFileAndReportsProgressOnStdout() {
        OutputStore.PendingOutput output = new OutputStore.PendingOutput("a.flac", Path.of("/out/.a.flac.part-1"));
        List<String> args = command.toFile(SOURCE, plan(AudioFormat.FLAC, null, null), output);
        assertEquals(List.of("-progress", "pipe:1", "-f", "flac", "file:/out/.a.flac.part-1"), args.subList(args.size() - 5, args.size()));
    }
}
