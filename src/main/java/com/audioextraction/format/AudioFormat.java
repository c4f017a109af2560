package com.audioextraction.format;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The output formats. Each knows its encoder, muxer, content type, file extension and defaults,
 * so adding a format touches only this enum.
 */
public enum AudioFormat {

    /** MP3, CBR 320 kbit/s unless asked otherwise: the original service's default. */
    MP3("audio/mpeg", "mp3", "mp3", List.of("-c:a", "libmp3lame"), new Bitrate(32_000, 320_000, 320_000), null, null,
            Set.of(8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000)),

    /** 16-bit PCM in WAV at the source's rate and channels; bitexact: the plain 44-byte header (sizes 0xFFFFFFFF on a pipe). */
    WAV("audio/wav", "wav", "wav", List.of("-c:a", "pcm_s16le", "-fflags", "+bitexact", "-flags:a", "+bitexact"), null, null, null, null),

    /** FLAC, 16-bit: without -sample_fmt s16 ffmpeg writes 24-bit, larger than raw PCM. */
    FLAC("audio/flac", "flac", "flac", List.of("-c:a", "flac", "-sample_fmt", "s16"), null, null, null, null),

    /** Raw s16le, 16 kHz mono: byte for byte what openai/whisper's loader reads from ffmpeg. */
    PCM("audio/L16", "pcm", "s16le", List.of("-acodec", "pcm_s16le"), null, 16000, 1, null),

    /** Ogg Opus, 32 kbit/s, 16 kHz mono unless asked otherwise: small and plenty for speech. */
    OPUS("audio/ogg", "opus", "ogg", List.of("-c:a", "libopus"), new Bitrate(6_000, 256_000, 32_000), 16000, 1,
            Set.of(8000, 12000, 16000, 24000, 48000)),

    /** The source AAC track copied into ADTS without re-encoding: the fastest; cuts snap to AAC frames. */
    AAC("audio/aac", "aac", "adts", List.of("-c:a", "copy"), null, null, null, null);

    /** Bitrate limits of a lossy format, in bit/s. */
    public record Bitrate(int min, int max, int standard) {
    }

    private final String contentType;
    private final String extension;
    private final String muxer;
    private final List<String> codecArgs;
    private final Bitrate bitrate;
    private final Integer defaultSampleRate;
    private final Integer defaultChannels;
    private final Set<Integer> sampleRates;

    AudioFormat(String contentType, String extension, String muxer, List<String> codecArgs, Bitrate bitrate,
            Integer defaultSampleRate, Integer defaultChannels, Set<Integer> sampleRates) {
        this.contentType = contentType;
        this.extension = extension;
        this.muxer = muxer;
        this.codecArgs = codecArgs;
        this.bitrate = bitrate;
        this.defaultSampleRate = defaultSampleRate;
        this.defaultChannels = defaultChannels;
        this.sampleRates = sampleRates;
    }

    /** The name used in requests and configuration ({@code mp3}, {@code wav}, ...). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Content-Type of the output; raw PCM carries its rate and channels in it. */
    public String contentType(int sampleRate, int channels) {
        return this == PCM ? contentType + ";rate=" + sampleRate + ";channels=" + channels : contentType;
    }

    public String extension() {
        return extension;
    }

    /** The ffmpeg muxer ({@code -f}). */
    public String muxer() {
        return muxer;
    }

    /** ffmpeg codec arguments. */
    public List<String> codecArgs() {
        return codecArgs;
    }

    /** Whether the source stream is copied as it is (no rate, channel or bitrate changes possible). */
    public boolean copiesSource() {
        return this == AAC;
    }

    /** The bitrate limits, present for lossy formats only. */
    public Optional<Bitrate> bitrate() {
        return Optional.ofNullable(bitrate);
    }

    /** The sample rate used when the request names none; empty: the source's. */
    public Optional<Integer> defaultSampleRate() {
        return Optional.ofNullable(defaultSampleRate);
    }

    /** The channel count used when the request names none; empty: the source's (at most 2). */
    public Optional<Integer> defaultChannels() {
        return Optional.ofNullable(defaultChannels);
    }

    /** The channels sent when the request names none and the format has no default: the source's, at most what the encoder takes. */
    public int channelsFor(int sourceChannels) {
        return this == MP3 ? Math.min(sourceChannels, 2) : sourceChannels;
    }

    /** Whether the encoder takes this rate; formats without a list take any. */
    public boolean supportsSampleRate(int rate) {
        return sampleRates == null || sampleRates.contains(rate);
    }

    /** The rates the encoder takes, for error messages; empty when it takes any. */
    public String supportedSampleRates() {
        return sampleRates == null ? "" : new TreeSet<>(sampleRates).stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** The supported rate nearest to {@code rate} (the rate itself when supported). */
    public int nearestSampleRate(int rate) {
        if (supportsSampleRate(rate)) {
            return rate;
        }
        return sampleRates.stream().min((a, b) -> Integer.compare(Math.abs(a - rate), Math.abs(b - rate))).orElse(rate);
    }

    public static Optional<AudioFormat> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id().equals(id)).findFirst();
    }

    /** The allowed names, for error messages: {@code mp3, wav, flac, ...}. */
    public static String allowedIds() {
        return Arrays.stream(values()).map(AudioFormat::id).collect(Collectors.joining(", "));
    }

    /** The formats that re-encode, for messages that send the caller elsewhere. */
    public static String reencodingIds() {
        return Arrays.stream(values()).filter(f -> !f.copiesSource()).map(AudioFormat::id).collect(Collectors.joining(", "));
    }
}
