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
 * "output_key": optional}}. The extraction fields are validated by the same parser as HTTP
 * requests; here only the job's own fields.
 */
public class JobReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ID = 200;

    /** Parses the message into the JSON the extraction pipeline reads and notes the job's id and output key. */
    public JsonNode begin(Exchange exchange) throws Exception {
        exchange.setProperty(ExchangeKeys.JOB_STARTED, System.nanoTime());
        exchange.setProperty(ExchangeKeys.PRIORITY, ExtractionSlots.Priority.BATCH);
        exchange.setProperty(ExchangeKeys.ENDPOINT, "job");
        exchange.setProperty(ExchangeKeys.JOB_ID, UUID.randomUUID().toString()); // until the message tells
        String text = exchange.getMessage().getBody(String.class);
        JsonNode job = JSON.readTree(text == null ? "" : text);
        if (job == null || !job.isObject()) {
            throw ApiException.badRequest("a job must be a JSON object", "e.g. {\"savepath\": \"youtube/abc123.mp4\"}");
        }
        String id = id(job);
        exchange.setProperty(ExchangeKeys.JOB_ID, id);
        exchange.setProperty(ExchangeKeys.REQUEST_ID, id);
        ((ObjectNode) job).put("id", id);
        JsonNode key = job.get("output_key");
        if (key != null && !key.isNull()) {
            if (!key.isTextual()) {
                throw ApiException.badRequest("invalid output_key", "output_key must be a string");
            }
            exchange.setProperty(ExchangeKeys.JOB_OUTPUT_KEY, key.asText());
        }
        return job;
    }

    /** The job's id, or a new one. */
    static String id(JsonNode job) {
        JsonNode id = job.get("id");
        if (id == null || id.isNull() || id.asText().isBlank()) {
            return UUID.randomUUID().toString();
        }
        if (!id.isValueNode() || id.asText().length() > MAX_ID) {
            throw ApiException.badRequest("invalid id", "a job id is a string of at most " + MAX_ID + " characters");
        }
        return id.asText();
    }
}
