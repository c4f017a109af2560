package com.audioextraction.speech;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The default detector: the level of every 10 ms frame (dBFS) against a threshold relative to the
 * track's speech level, so quiet and loud recordings both work. The speech level is the 95th
 * percentile of the frame levels (a track is expected to be at least 5% speech); a frame more than
 * |threshold| dB below it is silent, as is any frame below -80 dBFS (so a silent track has no
 * speech); silent stretches of at least min_silence are silence, the rest
 * is speech. Deterministic: the same samples and settings give the same intervals.
 */
public class EnergyDetector implements SpeechDetector {

    private static final int SAMPLES_PER_FRAME = 16000 / FRAMES_PER_SECOND;
    private static final double FLOOR_DB = -100;
    private static final double SPEECH_PERCENTILE = 0.95;
    /** Frames below this are silent whatever the track's level: digital silence and dither, never speech. */
    static final double ABSOLUTE_SILENCE_DB = -80;

    @Override
    public String name() {
        return "energy";
    }

    @Override
    public Result detect(InputStream pcm, SpeechSettings settings) throws IOException {
        float[] levels = frameLevels(pcm);
        if (levels.length == 0) {
            return new Result(List.of(), 0, FLOOR_DB, FLOOR_DB);
        }
        float[] sorted = levels.clone();
        Arrays.sort(sorted);
        double speechLevel = sorted[Math.min(sorted.length - 1, (int) Math.floor(SPEECH_PERCENTILE * sorted.length))];
        double threshold = Math.max(ABSOLUTE_SILENCE_DB, speechLevel + settings.thresholdDb());
        int minSilentFrames = (int) Math.ceil(settings.minSilence() * FRAMES_PER_SECOND);
        List<Interval> speech = new ArrayList<>();
        int speechStart = -1;
        int silentRun = 0;
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] >= threshold) {
                if (speechStart < 0) {
                    speechStart = i;
                } else if (silentRun >= minSilentFrames) {
                    speech.add(interval(speechStart, i - silentRun));
                    speechStart = i;
                }
                silentRun = 0;
            } else if (speechStart >= 0) {
                silentRun++;
            }
        }
        if (speechStart >= 0) {
            speech.add(interval(speechStart, levels.length - silentRun));
        }
        return new Result(speech, (double) levels.length / FRAMES_PER_SECOND, speechLevel, threshold);
    }

    private static Interval interval(int fromFrame, int toFrame) {
        return new Interval((double) fromFrame / FRAMES_PER_SECOND, (double) toFrame / FRAMES_PER_SECOND);
    }

    /** The level of each 10 ms frame in dBFS (the last, partial frame counts as a frame). */
    static float[] frameLevels(InputStream pcm) throws IOException {
        Frames frames = new Frames();
        byte[] buffer = new byte[SAMPLES_PER_FRAME * 2 * 256];
        int low = -1; // the low byte of a sample whose high byte is in the next read (a pipe may split them)
        for (int n; (n = pcm.read(buffer)) > 0; ) {
            for (int i = 0; i < n; i++) {
                if (low < 0) {
                    low = buffer[i] & 0xff;
                } else {
                    frames.add((short) ((buffer[i] << 8) | low));
                    low = -1;
                }
            }
        }
        return frames.levels();
    }

    /** Sums squares sample by sample and closes a frame every 10 ms. */
    private static final class Frames {
        private float[] levels = new float[1 << 16];
        private int count;
        private double sum;
        private int inFrame;

        void add(short sample) {
            sum += (double) sample * sample;
            if (++inFrame == SAMPLES_PER_FRAME) {
                close();
            }
        }

        private void close() {
            if (count == levels.length) {
                levels = Arrays.copyOf(levels, count * 2);
            }
            levels[count++] = level(sum, inFrame);
            sum = 0;
            inFrame = 0;
        }

        float[] levels() {
            if (inFrame > 0) {
                close();
            }
            return Arrays.copyOf(levels, count);
        }
    }

    private static float level(double sumOfSquares, int samples) {
        double meanSquare = sumOfSquares / samples / (32768.0 * 32768.0);
        return (float) (meanSquare <= 0 ? FLOOR_DB : Math.max(FLOOR_DB, 10 * Math.log10(meanSquare)));
    }
}
