package com.audioextraction.request;

import java.util.Locale;

import com.audioextraction.format.AudioFormat;
import com.audioextraction.ApiException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns the request JSON (a POST body, or the query parameters of a GET as a JSON object) into an
 * {@link ExtractionRequest}, or a 400 that says exactly which field is wrong. Unknown fields are
 * ignored, as the original service did.
 */
public class RequestParser {

    private final AudioFormat defaultFormat;

    public RequestParser(AudioFormat defaultFormat) {
        this.defaultFormat = defaultFormat;
    }

    public ExtractionRequest parse(JsonNode json, String id) {
        if (json == null || !json.isObject()) {
            throw ApiException.badRequest("request body must be a JSON object",
                    "got " + (json == null ? "nothing" : json.getNodeType().name().toLowerCase(Locale.ROOT))
                            + "; expected {\"savepath\": \"dir/video.mp4\", \"audio_format\": \"mp3\"}");
        }
        return new ExtractionRequest(id, savepath(json), format(json));
    }

    private static String savepath(JsonNode json) {
        JsonNode node = json.get("savepath");
        if (node == null || node.isNull()) {
            throw ApiException.badRequest("savepath is required", "the path of the video inside the bucket, e.g. youtube/abc123.mp4");
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest("savepath must be a string", "got " + node.getNodeType().name().toLowerCase(Locale.ROOT));
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
}
