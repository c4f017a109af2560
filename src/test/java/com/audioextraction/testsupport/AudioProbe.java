package com.audioextraction.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What ffprobe says of received audio bytes: codec, sample rate, channels, sample format, duration. */
public record AudioProbe(String codec, int sampleRate, int channels, String sampleFormat, int bitsPerSample,
        double duration) {

    public static AudioProbe of(byte[] audio) throws IOException {
        Path file = Files.createTempFile(Files.createDirectories(Path.of("target", "received")), "received-", ".audio");
        try {
            Files.write(file, audio);
            return of(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    public static AudioProbe of(Path file) throws IOException {
        String out = MediaFixtures.run(List.of("ffprobe", "-v", "error", "-select_streams", "a:0",
                "-show_entries", "stream=codec_name,sample_rate,channels,sample_fmt,bits_per_raw_sample,bits_per_sample",
                "-of", "default=noprint_wrappers=1", file.toString()));
        Map<String, String> fields = new HashMap<>();
        out.lines().filter(l -> l.contains("=")).forEach(l -> fields.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        int bits = Math.max(number(fields.get("bits_per_raw_sample")), number(fields.get("bits_per_sample")));
        return new AudioProbe(fields.get("codec_name"), number(fields.get("sample_rate")), number(fields.get("channels")),
                fields.get("sample_fmt"), bits, decodedDuration(file));
    }

    /** The duration found by decoding every packet: what a listener gets, whatever the header claims. */
    private static double decodedDuration(Path file) throws IOException {
        String out = MediaFixtures.run(List.of("ffmpeg", "-nostdin", "-hide_banner", "-nostats", "-v", "error",
                "-i", file.toString(), "-map", "0:a:0", "-f", "null", "-progress", "pipe:1", "-"));
        double seconds = 0;
        for (String line : out.split("\n")) {
            if (line.startsWith("out_time_us=")) {
                String v = line.substring("out_time_us=".length()).trim();
                if (!v.equals("N/A")) {
                    seconds = Long.parseLong(v) / 1_000_000.0;
                }
            }
        }
        return seconds;
    }

    private static int number(String value) {
        if (value == null || value.equals("N/A")) {
            return 0;
        }
        return Integer.parseInt(value.trim());
    }
}
