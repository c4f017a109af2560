package com.audioextraction.speech;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The detector on samples built here, whose truth is known to the sample: tones (stand-ins for
 * words) and digital silence at 16 kHz, so the intervals it finds must be exact to the 10 ms frame.
 */
class EnergyDetectorTest {

    private static final int RATE = 16000;
    private final EnergyDetector detector = new EnergyDetector();

    /** Tone and silence, alternating: seconds of tone, seconds of silence, seconds of tone... at {@code dbfs}. */
    private static byte[] pcm(double dbfs, double... seconds) {
        int total = 0;
        for (double s : seconds) {
            total += (int) Math.round(s * RATE);
        }
        byte[] out = new byte[total * 2];
        double amplitude = 32767 * Math.pow(10, dbfs / 20) * Math.sqrt(2);
        int at = 0;
        for (int part = 0; part < seconds.length; part++) {
            int n = (int) Math.round(seconds[part] * RATE);
            for (int i = 0; i < n; i++, at++) {
                short sample = part % 2 == 0 ? (short) Math.round(amplitude * Math.sin(2 * Math.PI * 440 * i / RATE)) : 0;
                out[2 * at] = (byte) sample;
                out[2 * at + 1] = (byte) (sample >> 8);
            }
        }
        return out;
    }

    private SpeechDetector.Result detect(byte[] pcm, SpeechSettings settings) throws IOException {
        return detector.detect(new ByteArrayInputStream(pcm), settings);
    }

    @Test
    void findsEachStretchToTheFrameAndKeepsPausesShorterThanMinSilence() throws IOException {
        // 1 s speech, 0.3 s pause (between words: kept), 1 s speech, 1.2 s silence, 0.5 s speech, 0.4 s trailing silence
        SpeechDetector.Result result = detect(pcm(-20, 1, 0.3, 1, 1.2, 0.5, 0.4), new SpeechSettings(0.5, -35, 0));
        assertEquals(List.of(new Interval(0, 2.3), new Interval(3.5, 4.0)), result.speech());
        assertEquals(4.4, result.spanSeconds(), 1e-9);
        assertEquals(-20, result.speechLevel(), 0.1);
    }

    @Test
    void aQuietRecordingGivesTheSameIntervalsAsALoudOne() throws IOException {
        SpeechSettings settings = new SpeechSettings(0.5, -35, 0);
        assertEquals(detect(pcm(-6, 2, 1, 2), settings).speech(), detect(pcm(-45, 2, 1, 2), settings).speech());
        assertEquals(List.of(new Interval(0, 2), new Interval(3, 5)), detect(pcm(-45, 2, 1, 2), settings).speech());
    }

    @Test
    void readsSamplesSplitAcrossReadsAsAPipeDeliversThem() throws IOException {
        byte[] pcm = pcm(-20, 1, 1, 1);
        InputStream oddReads = new FilterInputStream(new ByteArrayInputStream(pcm)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 333)); // odd: every other read ends in the middle of a sample
            }

            @Override
            public int read(byte[] b) throws IOException {
                return read(b, 0, b.length);
            }
        };
        SpeechSettings settings = new SpeechSettings(0.5, -35, 0);
        assertEquals(detect(pcm, settings).speech(), detector.detect(oddReads, settings).speech());
    }

    @Test
    void findsNoSpeechInSilenceOrInNothing() throws IOException {
        SpeechSettings settings = SpeechSettings.DEFAULTS;
        assertEquals(List.of(), detect(new byte[RATE * 2 * 3], settings).speech());
        assertEquals(List.of(), detect(new byte[0], settings).speech());
    }

    @Test
    void theBuiltInDefaultsAreTheDocumentedOnes() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("application.properties"))) {
            properties.load(reader);
        }
        assertEquals(new SpeechSettings(Double.parseDouble(properties.getProperty("audio.speech.min-silence")),
                Double.parseDouble(properties.getProperty("audio.speech.threshold")),
                Double.parseDouble(properties.getProperty("audio.speech.padding"))), SpeechSettings.DEFAULTS);
        assertEquals(new ChunkSettings(Double.parseDouble(properties.getProperty("audio.chunks.target-seconds")),
                Double.parseDouble(properties.getProperty("audio.chunks.max-seconds"))), ChunkSettings.DEFAULTS);
    }
}
