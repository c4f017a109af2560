package com.audioextraction.jobs;

import com.audioextraction.speech.ChunkSettings;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A job as read from its message.
 *
 * @param id        its id (given, or made up when the message has none)
 * @param json      the job's fields, which the extraction pipeline reads like an HTTP request
 * @param outputKey its output_key as it will be stored, or null for the default key
 * @param split     for a job with "split": how to cut the video into chunks (then it plans, it extracts nothing); else null
 */
public record Job(String id, JsonNode json, String outputKey, ChunkSettings split) {

    public boolean isSplit() {
        return split != null;
    }
}
