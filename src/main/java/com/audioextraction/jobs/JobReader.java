package com.audioextraction.jobs;

import java.util.UUID;

import com.audioextraction.ApiException;
import com.audioextraction.request.RequestParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a job message: {@code {"id": optional, "savepath": ..., "audio_format": ..., options...,
 * "output_key": optional}}. The job's own fields are checked here, the same way for a message on
 * the queue and for {@code POST /jobs}, so that nothing the HTTP endpoint accepts is dead-lettered
 * later for its form; the extraction fields by the same parser as HTTP requests.
 */
public class JobReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ID = 200;

    private final OutputStore store;
    private final RequestParser parser;

    public JobReader(OutputStore store, RequestParser parser) {
        this.store = store;
        this.parser = parser;
    }

    /** A job message as a {@link Job}; 400 for a message that is not a job. */
    public Job read(String message) throws JsonProcessingException {
        return check(JSON.readTree(message == null ? "" : message));
    }

    /**
     * Checks a job's own fields (object, id, output_key), gives it its id when it has none; 400 when
     * refused. The consumer and POST /jobs both call this.
     */
    public Job check(JsonNode job) {
        if (job == null || !job.isObject()) {
            throw ApiException.badRequest("a job must be a JSON object", "e.g. {\"savepath\": \"youtube/abc123.mp4\"}");
        }
        String id = id(job);
        ((ObjectNode) job).put("id", id);
        JsonNode split = job.get("split");
        return new Job(id, job, outputKey(job), split == null || split.isNull() ? null : parser.chunkSettings(split));
    }

    /** The output_key as it will be stored, or null when the job names none. */
    private String outputKey(JsonNode job) {
        JsonNode key = job.get("output_key");
        if (key == null || key.isNull()) {
            return null;
        }
        if (!key.isTextual()) {
            throw ApiException.badRequest("invalid output_key", "output_key must be a string; got " + key.getNodeType());
        }
        return store.checkKey(key.asText());
    }

    /** The job's id, or a new one. */
    private static String id(JsonNode job) {
        JsonNode id = job.get("id");
        if (id == null || id.isNull() || (id.isValueNode() && id.asText().isBlank())) {
            return UUID.randomUUID().toString();
        }
        String text = id.asText();
        if (!id.isValueNode() || text.length() > MAX_ID || text.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("invalid id", "a job id is a string of at most " + MAX_ID
                    + " characters without control characters (line breaks, tabs)");
        }
        return text;
    }
}
