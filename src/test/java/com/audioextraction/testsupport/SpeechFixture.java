package com.audioextraction.testsupport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A "news" video made of real speech (espeak-ng sentences) placed at known times between digital
 * silence, a noise bed and a music-like bed, one sentence 12 dB quieter; and the same at -20 dB
 * ({@link #QUIET}), and four times over ({@link #LONG}, ~110 s). The truth (where each sentence's
 * voice starts and ends) is measured from the sentences themselves, to the sample.
 */
public final class SpeechFixture {

    public static final String NEWS = "speech/news.mp4";
    public static final String QUIET = "speech/news-quiet.mp4";
    public static final String LONG = "speech/news-long.mp4";

    private static final int RATE = 48000;
    private static final String[] SENTENCES = {
        "Good evening. Here is the news.",
        "The weather will be sunny tomorrow.",
        "Expect light winds in the afternoon.",
        "That is all for tonight.",
    };

    /** Where the voice is (source seconds, sample-exact) and where the pure (digital) silences of 2 s or more are. */
    public record Truth(List<double[]> speech, List<double[]> silences, double duration) {
    }

    private static Truth truth;
    private static Truth longTruth;

    private SpeechFixture() {
    }

    public static synchronized Truth truth() {
        if (truth == null) {
            try {
                create();
            } catch (IOException e) {
                throw new IllegalStateException("cannot make the speech fixture: " + e.getMessage(), e);
            }
        }
        return truth;
    }

    /** The truth of {@link #LONG}: the timeline four times over. */
    public static synchronized Truth longTruth() {
        truth();
        return longTruth;
    }

    private static void create() throws IOException {
        Path dir = Files.createDirectories(MediaFixtures.bucket().resolve("speech"));
        Path work = Files.createDirectories(Path.of("target", "speech-fixture"));
        List<short[]> clips = new ArrayList<>();
        for (int i = 0; i < SENTENCES.length; i++) {
            Path wav = work.resolve("sentence-" + i + ".wav");
            MediaFixtures.run(List.of("espeak-ng", "-w", wav.toString(), SENTENCES[i]));
            Path raw = work.resolve("sentence-" + i + ".raw");
            MediaFixtures.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", wav.toString(), "-ar", String.valueOf(RATE),
                    "-ac", "1", "-f", "s16le", raw.toString()));
            clips.add(samples(Files.readAllBytes(raw)));
        }
        Timeline timeline = new Timeline();
        timeline.silence(1.5);
        timeline.speech(clips.get(0), 1.0);
        timeline.silence(3.0);
        timeline.noise(2.0, 0.03);
        timeline.silence(2.5);
        timeline.speech(clips.get(1), 1.0);
        timeline.pause(0.3); // between sentences: stays
        timeline.speech(clips.get(2), 1.0);
        timeline.silence(3.0);
        timeline.music(2.0);
        timeline.silence(2.0);
        timeline.speech(clips.get(3), 0.25); // 12 dB quieter
        timeline.silence(2.0);
        truth = timeline.truth();
        encode(timeline.samples(1), work.resolve("news.raw"), dir.resolve("news.mp4"));
        encode(timeline.samples(0.1), work.resolve("quiet.raw"), dir.resolve("news-quiet.mp4"));
        Timeline four = new Timeline();
        for (int i = 0; i < 4; i++) {
            four.append(timeline);
        }
        longTruth = four.truth();
        encode(four.samples(1), work.resolve("long.raw"), dir.resolve("news-long.mp4"));
    }

    private static void encode(short[] samples, Path raw, Path video) throws IOException {
        if (Files.exists(video)) {
            return;
        }
        ByteBuffer bytes = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            bytes.putShort(s);
        }
        Files.write(raw, bytes.array());
        double seconds = (double) samples.length / RATE;
        MediaFixtures.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=10:duration=" + seconds,
                "-f", "s16le", "-ar", String.valueOf(RATE), "-ac", "1", "-i", raw.toString(),
                "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-b:a", "128k", "-shortest",
                "-movflags", "+faststart", video.toString()));
    }

    private static short[] samples(byte[] raw) {
        short[] out = new short[raw.length / 2];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out);
        return out;
    }

    /** Samples at 48 kHz, with where speech and pure silence were put. */
    private static final class Timeline {
        private final List<short[]> parts = new ArrayList<>();
        private final List<double[]> speech = new ArrayList<>();
        private final List<double[]> silences = new ArrayList<>();
        private final Random random = new Random(42);
        private int length;

        void silence(double seconds) {
            silences.add(new double[] {now(), now() + seconds});
            pause(seconds);
        }

        void pause(double seconds) {
            add(new short[(int) (seconds * RATE)]);
        }

        void speech(short[] clip, double gain) {
            int first = 0;
            int last = clip.length - 1;
            while (first < clip.length && Math.abs(clip[first]) < 50) {
                first++;
            }
            while (last > first && Math.abs(clip[last]) < 50) {
                last--;
            }
            speech.add(new double[] {now() + (double) first / RATE, now() + (double) (last + 1) / RATE});
            short[] scaled = new short[clip.length];
            for (int i = 0; i < clip.length; i++) {
                scaled[i] = (short) Math.round(clip[i] * gain);
            }
            add(scaled);
        }

        void noise(double seconds, double amplitude) {
            short[] part = new short[(int) (seconds * RATE)];
            for (int i = 0; i < part.length; i++) {
                part[i] = (short) Math.round(random.nextGaussian() * amplitude * 32767);
            }
            add(part);
        }

        void music(double seconds) {
            short[] part = new short[(int) (seconds * RATE)];
            for (int i = 0; i < part.length; i++) {
                double t = (double) i / RATE;
                double chord = Math.sin(2 * Math.PI * 220 * t) + Math.sin(2 * Math.PI * 277.18 * t) + Math.sin(2 * Math.PI * 329.63 * t);
                part[i] = (short) Math.round(chord * 0.08 * 32767 * (0.6 + 0.4 * Math.sin(2 * Math.PI * 2 * t)));
            }
            add(part);
        }

        void append(Timeline other) {
            double offset = now();
            other.speech.forEach(s -> speech.add(new double[] {s[0] + offset, s[1] + offset}));
            other.silences.forEach(s -> silences.add(new double[] {s[0] + offset, s[1] + offset}));
            other.parts.forEach(this::add);
        }

        private void add(short[] part) {
            parts.add(part);
            length += part.length;
        }

        private double now() {
            return (double) length / RATE;
        }

        short[] samples(double gain) {
            short[] out = new short[length];
            int at = 0;
            for (short[] part : parts) {
                for (short s : part) {
                    out[at++] = (short) Math.round(s * gain);
                }
            }
            return out;
        }

        Truth truth() {
            return new Truth(List.copyOf(speech), silences.stream().filter(s -> s[1] - s[0] >= 2.0).toList(), now());
        }
    }
}
