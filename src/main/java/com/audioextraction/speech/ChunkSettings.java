package com.audioextraction.speech;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a video is cut into chunks for parallel transcription.
 *
 * @param targetSeconds the length a chunk should have: it ends at the pause nearest to it
 * @param maxSeconds    no chunk is longer: without a pause before it, the chunk is cut there
 */
public record ChunkSettings(@JsonProperty("target_seconds") double targetSeconds, @JsonProperty("max_seconds") double maxSeconds) {

    /** The built-in defaults, as in application.properties. */
    public static final ChunkSettings DEFAULTS = new ChunkSettings(300, 450);
}
