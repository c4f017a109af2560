package com.audioextraction.jobs;

import java.util.UUID;

import com.audioextraction.ApiException;
import com.audioextraction.ExchangeKeys;
import com.audioextraction.limits.ExtractionSlots;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;

/**
 * Reads a job message: {@code {"id": optional, "savepath": ..., "audio_format": ..., options...,
 * "output_key": optional}}. The job's own fields are checked here, the same way for a message on
 * the queue and for {@code POST /jobs} (which calls {@link #checkJob}), so that nothing the HTTP
 * endpoint accepts is dead-lettered later for its form; the extraction fields by the same parser
 * as HTTP requests.
 */
public class JobReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ID = 200;

    private final OutputStore store;

    public JobReader(OutputStore store) {
        this.store = store;
    }

    /** Parses the message into the JSON the extraction pipeline reads and notes the job's id and output key. */
    public JsonNode begin(Exchange exchange) throws Exception {
        exchange.setProperty(ExchangeKeys.JOB_STARTED, System.nanoTime());
        exchange.setProperty(ExchangeKeys.PRIORITY, ExtractionSlots.Priority.BATCH);
        exchange.setProperty(ExchangeKeys.ENDPOINT, "job");
        exchange.setProperty(ExchangeKeys.JOB_ID, UUID.randomUUID().toString()); // until the message tells
        String text = exchange.getMessage().getBody(String.class);
        JsonNode job = JSON.readTree(text == null ? "" : text);
        String id = checkJob(job);
        exchange.setProperty(ExchangeKeys.JOB_ID, id);
        exchange.setProperty(ExchangeKeys.REQUEST_ID, id);
        String key = outputKey(job);
        if (key != null) {
            exchange.setProperty(ExchangeKeys.JOB_OUTPUT_KEY, key);
        }
        return job;
    }

    /**
     * Checks a job's own fields (object, id, output_key), gives it its id when it has none, and
     * returns the id; 400 when refused.
     */
    public String checkJob(JsonNode job) {
        if (job == null || !job.isObject()) {
            throw ApiException.badRequest("a job must be a JSON object", "e.g. {\"savepath\": \"youtube/abc123.mp4\"}");
        }
        String id = id(job);
        ((ObjectNode) job).put("id", id);
        outputKey(job);
        return id;
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
