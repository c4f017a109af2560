package com.audioextraction.speech;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A video cut into chunks at pauses, in order and without gaps: chunk i+1 starts where chunk i
 * ends, so transcripts joined in index order are the whole.
 *
 * @param savepath    the video
 * @param audioFormat the format the chunk URLs ask for
 * @param settings    the target and maximum chunk lengths used
 * @param start       where the first chunk starts (source seconds)
 * @param duration    the span the chunks cover
 * @param chunks      the chunks
 */
public record ChunkPlan(String savepath, @JsonProperty("audio_format") String audioFormat, ChunkSettings settings, double start,
        double duration, List<Chunk> chunks) {

    /**
     * @param index    from 0, in source order
     * @param start    source seconds
     * @param duration seconds
     * @param url      a GET /extract-audio URL of exactly this chunk
     */
    public record Chunk(int index, double start, double duration, String url) {
    }
}
