package com.audioextraction.testsupport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Raw s16le audio: how to get it the way Whisper does, and what tone it holds. */
public final class Pcm {

    private Pcm() {
    }

    /** openai/whisper's loader, verbatim: {@code ffmpeg -nostdin -threads 0 -i FILE -f s16le -ac 1 -acodec pcm_s16le -ar 16000 -}. */
    public static byte[] whisperLoad(Path file, String... inputOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-threads", "0"));
        command.addAll(List.of(inputOptions));
        command.addAll(List.of("-i", file.toString(), "-f", "s16le", "-ac", "1", "-acodec", "pcm_s16le", "-ar", "16000", "-"));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        try {
            if (process.waitFor() != 0) {
                throw new IOException("whisper's ffmpeg command failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out;
    }

    /** Any audio (as bytes) decoded to 16 kHz mono s16le. */
    public static byte[] decode(byte[] audio) throws IOException {
        Path file = java.nio.file.Files.createTempFile(java.nio.file.Files.createDirectories(Path.of("target", "received")), "decode-", ".audio");
        try {
            java.nio.file.Files.write(file, audio);
            return whisperLoad(file);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    /** The dominant frequency of {@code seconds} of 16 kHz mono s16le from {@code from} s on. */
    public static double toneHz(byte[] s16le, double from, double seconds) {
        int start = (int) (from * 16000) * 2;
        int length = (int) (seconds * 16000) * 2;
        return toneHz(java.util.Arrays.copyOfRange(s16le, start, start + length), 16000);
    }

    /** The dominant frequency of mono s16le samples at {@code rate}, from zero crossings. */
    public static double toneHz(byte[] s16le, int rate) {
        ShortBuffer samples = ByteBuffer.wrap(s16le).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        int crossings = 0;
        short previous = samples.get(0);
        for (int i = 1; i < samples.limit(); i++) {
            short current = samples.get(i);
            if ((previous < 0 && current >= 0) || (previous >= 0 && current < 0)) {
                crossings++;
            }
            previous = current;
        }
        double seconds = samples.limit() / (double) rate;
        return crossings / 2.0 / seconds;
    }
}
