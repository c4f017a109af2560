package com.audioextraction.format;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The output formats: each knows its ffmpeg encoder arguments, container, content type and file
 * extension, so adding a format touches only this enum.
 */
public enum AudioFormat {

    /** MP3, 320 kbit/s CBR: the original service's default. */
    MP3("audio/mpeg", "mp3", List.of("-c:a", "libmp3lame", "-b:a", "320k", "-f", "mp3")),

    /** 16-bit PCM in WAV; bitexact gives the plain 44-byte header (sizes 0xFFFFFFFF on a pipe). */
    WAV("audio/wav", "wav", List.of("-c:a", "pcm_s16le", "-fflags", "+bitexact", "-flags:a", "+bitexact", "-f", "wav")),

    /** FLAC, 16-bit: without -sample_fmt s16 ffmpeg writes 24-bit, larger than raw PCM. */
    FLAC("audio/flac", "flac", List.of("-c:a", "flac", "-sample_fmt", "s16", "-f", "flac"));

    private final String contentType;
    private final String extension;
    private final List<String> encoderArgs;

    AudioFormat(String contentType, String extension, List<String> encoderArgs) {
        this.contentType = contentType;
        this.extension = extension;
        this.encoderArgs = encoderArgs;
    }

    /** The name used in requests and configuration ({@code mp3}, {@code wav}, ...). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** ffmpeg output arguments (codec, its settings and the muxer), placed before the output. */
    public List<String> encoderArgs() {
        return encoderArgs;
    }

    public static Optional<AudioFormat> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id().equals(id)).findFirst();
    }

    /** The allowed names, for error messages: {@code mp3, wav, flac}. */
    public static String allowedIds() {
        return Arrays.stream(values()).map(AudioFormat::id).collect(Collectors.joining(", "));
    }
}
