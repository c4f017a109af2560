package com.audioextraction.request;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.audioextraction.ApiException;
import com.audioextraction.format.AudioFormat;
import com.audioextraction.speech.ChunkSettings;
import com.audioextraction.speech.SpeechSettings;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns the request JSON (a POST body, or the query parameters of a GET as a JSON object of
 * strings) into an {@link ExtractionRequest}, or a 400 that names the field and its allowed
 * values. Numbers may come as JSON numbers or as numeric strings. Unknown fields are ignored, as
 * the original service did.
 */
public class RequestParser {

    private static final String EXAMPLE = "{\"savepath\": \"youtube/abc123.mp4\", \"audio_format\": \"mp3\"}";
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern BITRATE = Pattern.compile("(\\d+)(k?)");
    /** The longest segment start or duration accepted: about 115 days, longer than any recording. */
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(10_000_000);
    private static final BigDecimal MIN_DURATION = new BigDecimal("0.001");

    private final AudioFormat defaultFormat;
    private final SpeechSettings defaultSpeech;
    private final ChunkSettings defaultChunks;

    public RequestParser(AudioFormat defaultFormat) {
        this(defaultFormat, SpeechSettings.DEFAULTS, ChunkSettings.DEFAULTS);
    }

    /** @param defaultSpeech and @param defaultChunks: what speech and chunk requests get when they do not say */
    public RequestParser(AudioFormat defaultFormat, SpeechSettings defaultSpeech, ChunkSettings defaultChunks) {
        this.defaultFormat = defaultFormat;
        this.defaultSpeech = defaultSpeech;
        this.defaultChunks = defaultChunks;
    }

    public ExtractionRequest parse(JsonNode json, String id) {
        String savepath = parseSavepath(json);
        AudioFormat format = format(json);
        return new ExtractionRequest(id, savepath, format, options(json, format));
    }

    /** How a /chunks request (or a job's "split" object) wants the video cut: target_seconds, max_seconds. */
    public ChunkSettings chunkSettings(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw ApiException.badRequest("invalid split", "split is an object such as {\"target_seconds\": 300}");
        }
        Double target = decimalBetween(json, "target_seconds", 30, 600);
        double targetSeconds = target != null ? target : defaultChunks.targetSeconds();
        Double max = decimalBetween(json, "max_seconds", targetSeconds, 3600);
        return new ChunkSettings(targetSeconds, max != null ? max : Math.max(targetSeconds, defaultChunks.maxSeconds()
                * targetSeconds / defaultChunks.targetSeconds()));
    }

    /** How speech is told from silence: min_silence, threshold, padding, else the defaults. */
    private SpeechSettings speech(JsonNode json) {
        Double minSilence = decimalBetween(json, "min_silence", 0.1, 10);
        Double threshold = decimalBetween(json, "threshold", -80, -6);
        Double padding = decimalBetween(json, "padding", 0, 2);
        return new SpeechSettings(minSilence != null ? minSilence : defaultSpeech.minSilence(),
                threshold != null ? threshold : defaultSpeech.thresholdDb(), padding != null ? padding : defaultSpeech.padding());
    }

    private static Double decimalBetween(JsonNode json, String field, double min, double max) {
        BigDecimal value = number(json, field);
        if (value == null) {
            return null;
        }
        if (value.doubleValue() < min || value.doubleValue() > max) {
            throw ApiException.badRequest("invalid " + field, field + " must be from " + BigDecimal.valueOf(min).toPlainString()
                    + " to " + BigDecimal.valueOf(max).toPlainString() + "; got " + json.get(field));
        }
        return value.doubleValue();
    }

    private static boolean bool(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && (node.asText().equals("true") || node.asText().equals("false"))) {
            return node.asText().equals("true");
        }
        throw ApiException.badRequest("invalid " + field, field + " must be true or false; got " + node);
    }

    /** Only the savepath (for the probe): the same rules as for an extraction. */
    public String parseSavepath(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw ApiException.badRequest("request body must be a JSON object",
                    "got " + (json == null ? "nothing" : type(json)) + "; expected " + EXAMPLE);
        }
        JsonNode node = json.get("savepath");
        if (node == null || node.isNull()) {
            throw ApiException.badRequest("savepath is required", "the path of the video inside the bucket, e.g. youtube/abc123.mp4");
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest("savepath must be a string", "got " + type(node));
        }
        if (node.asText().isBlank()) {
            throw ApiException.badRequest("savepath must not be empty", "the path of the video inside the bucket, e.g. youtube/abc123.mp4");
        }
        return node.asText();
    }

    private AudioFormat format(JsonNode json) {
        JsonNode node = json.get("audio_format");
        if (node == null || node.isNull()) {
            return defaultFormat;
        }
        String id = node.isTextual() ? node.asText().trim().toLowerCase(Locale.ROOT) : node.toString();
        return AudioFormat.byId(id).orElseThrow(() -> ApiException.badRequest(
                "unsupported audio_format " + node, "allowed formats: " + AudioFormat.allowedIds()));
    }

    private ExtractionOptions options(JsonNode json, AudioFormat format) {
        Integer sampleRate = integer(json, "sample_rate", 8000, 192_000);
        Integer channels = integer(json, "channels", 1, 2);
        Integer bitrate = bitrate(json, format);
        Double start = decimal(json, "start", false);
        Double duration = decimal(json, "duration", true);
        Integer track = integer(json, "track", 0, 1000);
        String language = language(json);
        if (format.copiesSource() && (sampleRate != null || channels != null)) {
            throw ApiException.badRequest("aac copies the source stream as it is",
                    "sample_rate and channels cannot change without re-encoding; use one of " + AudioFormat.reencodingIds());
        }
        if (sampleRate != null && !format.supportsSampleRate(sampleRate)) {
            throw ApiException.badRequest("sample_rate " + sampleRate + " is not supported by " + format.id(),
                    format.id() + " takes " + format.supportedSampleRates());
        }
        if (track != null && language != null) {
            throw ApiException.badRequest("give track or language, not both", "track picks by index, language by tag");
        }
        boolean speechOnly = bool(json, "speech_only");
        if (speechOnly && format.copiesSource()) {
            throw ApiException.badRequest("speech_only re-encodes the audio", "aac copies the source stream as it is; use one of "
                    + AudioFormat.reencodingIds());
        }
        return new ExtractionOptions(sampleRate, channels, bitrate, start, duration, track, language, speechOnly, speech(json));
    }

    private static Integer integer(JsonNode json, String field, int min, int max) {
        BigDecimal value = number(json, field);
        if (value == null) {
            return null;
        }
        if (value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(min)) < 0
                || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw ApiException.badRequest("invalid " + field, field + " must be a whole number from " + min + " to " + max
                    + "; got " + json.get(field));
        }
        return value.intValueExact();
    }

    /**
     * Seconds, from 0 (or from 1 ms when {@code positive}) to {@link #MAX_SECONDS}, to the microsecond
     * (ffmpeg's resolution: a smaller duration would be read as none, i.e. the whole file).
     */
    private static Double decimal(JsonNode json, String field, boolean positive) {
        BigDecimal value = number(json, field);
        if (value == null) {
            return null;
        }
        BigDecimal min = positive ? MIN_DURATION : BigDecimal.ZERO;
        if (value.compareTo(min) < 0 || value.compareTo(MAX_SECONDS) > 0 || value.stripTrailingZeros().scale() > 6) {
            throw ApiException.badRequest("invalid " + field, field + " must be a number of seconds from " + min.toPlainString()
                    + " to " + MAX_SECONDS.toPlainString() + ", to the microsecond at most; got " + json.get(field));
        }
        return value.doubleValue();
    }

    private static Integer bitrate(JsonNode json, AudioFormat format) {
        JsonNode node = json.get("bitrate");
        if (node == null || node.isNull()) {
            return null;
        }
        AudioFormat.Bitrate limits = format.bitrate().orElseThrow(() -> ApiException.badRequest(
                "bitrate does not apply to " + format.id(), "bitrate applies to lossy formats only: " + lossyIds()));
        var m = BITRATE.matcher(node.asText().trim().toLowerCase(Locale.ROOT));
        long bps = -1;
        if ((node.isIntegralNumber() || node.isTextual()) && m.matches() && m.group(1).length() <= 9) {
            bps = Long.parseLong(m.group(1)) * (m.group(2).isEmpty() ? 1 : 1000);
        }
        if (bps < limits.min() || bps > limits.max()) {
            throw ApiException.badRequest("invalid bitrate", format.id() + " takes " + limits.min() / 1000 + "k to "
                    + limits.max() / 1000 + "k (bit/s, e.g. 128000 or \"128k\"); got " + node);
        }
        return (int) bps;
    }

    private static String language(JsonNode json) {
        JsonNode node = json.get("language");
        if (node == null || node.isNull()) {
            return null;
        }
        String tag = node.asText().trim().toLowerCase(Locale.ROOT);
        if (!node.isTextual() || !LANGUAGE.matcher(tag).matches()) {
            throw ApiException.badRequest("invalid language", "an ISO 639-1 or 639-2 tag such as \"en\" or \"eng\"; got " + node);
        }
        return tag;
    }

    /** A JSON number, or a string holding one (query parameters are strings). */
    private static BigDecimal number(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            if (node.isNumber()) {
                return node.decimalValue();
            }
            if (node.isTextual() && !node.asText().isBlank() && node.asText().length() <= 40) {
                return new BigDecimal(node.asText().trim());
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw ApiException.badRequest("invalid " + field, field + " must be a number; got " + node);
    }

    private static String lossyIds() {
        return Arrays.stream(AudioFormat.values()).filter(f -> f.bitrate().isPresent()).map(AudioFormat::id)
                .collect(Collectors.joining(", "));
    }

    private static String type(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
