package com.audioextraction.speech;

import java.util.ArrayList;
import java.util.List;

import com.audioextraction.format.AudioFormat;
import com.audioextraction.request.ExtractionOptions;
import com.audioextraction.request.ExtractionRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chunks end in the middle of the pause nearest their target length, never past the maximum, without gaps. */
class ChunkPlannerTest {

    private static final ExtractionRequest REQUEST = new ExtractionRequest("id", "tv/a b.mp4", AudioFormat.WAV,
            new ExtractionOptions(16000, 1, null, null, null, 1, null, false, SpeechSettings.DEFAULTS));

    /** Speech from {@code start} to {@code end}, with a 1 s pause every {@code every} seconds. */
    private static SpeechAnalysis speech(double start, double end, double every) {
        List<Interval> stretches = new ArrayList<>();
        for (double t = start; t < end; t += every) {
            stretches.add(new Interval(t, Math.min(end, t + every - 1)));
        }
        return new SpeechAnalysis("tv/a b.mp4", 0, start, end - start, null, stretches, stretches, 0, 0);
    }

    @Test
    void cutsAtThePauseNearestTheTargetAndCoversTheSpanWithoutGaps() {
        ChunkPlan plan = new ChunkPlanner("").plan(speech(10, 1000, 70), REQUEST, new ChunkSettings(300, 450));
        double at = 10;
        for (ChunkPlan.Chunk chunk : plan.chunks()) {
            assertEquals(at, chunk.start(), 1e-9, "chunk " + chunk.index() + " starts where the last ended");
            assertTrue(chunk.duration() <= 450, "no chunk is longer than the maximum");
            at = chunk.start() + chunk.duration();
        }
        assertEquals(1000, at, 1e-6);
        // pauses are centred at 10 + 70k - 0.5; the one nearest 300 s after 10 is at 289.5 (279.5 s long)
        assertEquals(279.5, plan.chunks().get(0).duration(), 1e-9);
    }

    @Test
    void cutsAtTheMaximumOnlyWhenThereIsNoPauseInReach() {
        ChunkPlan plan = new ChunkPlanner("").plan(speech(0, 1000, 2000), REQUEST, new ChunkSettings(300, 450));
        assertEquals(List.of(450.0, 450.0, 100.0), plan.chunks().stream().map(ChunkPlan.Chunk::duration).toList());
    }

    @Test
    void aShortVideoIsOneChunk() {
        ChunkPlan plan = new ChunkPlanner("").plan(speech(0, 200, 50), REQUEST, new ChunkSettings(300, 450));
        assertEquals(1, plan.chunks().size());
        assertEquals(200, plan.chunks().get(0).duration(), 1e-9);
    }

    @Test
    void chunkUrlsAskForExactlyTheChunkInTheRequestsFormatAndStream() {
        ChunkPlan plan = new ChunkPlanner("http://storage-node:8888/").plan(speech(0, 1000, 70), REQUEST,
                new ChunkSettings(300, 450));
        assertEquals("http://storage-node:8888/extract-audio?savepath=tv%2Fa+b.mp4&audio_format=wav&start=0&duration=279.5"
                + "&track=1&sample_rate=16000&channels=1", plan.chunks().get(0).url());
    }
}
