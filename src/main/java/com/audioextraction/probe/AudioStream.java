package com.audioextraction.probe;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One audio stream of a video.
 *
 * @param index        0-based index among the audio streams (what a request's {@code track} names)
 * @param streamIndex  index among all streams of the file (what ffmpeg's {@code -map 0:N} names)
 * @param codec        codec name as ffmpeg calls it ({@code aac}, {@code mp3}, {@code ac3}, ...)
 * @param channels     channel count
 * @param sampleRate   sample rate in Hz
 * @param bitRate      bit rate in bit/s, when the container says
 * @param language     language tag from the stream metadata, when present
 * @param isDefault    whether the stream is flagged default
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AudioStream(int index,
        @JsonProperty("stream_index") int streamIndex,
        String codec,
        int channels,
        @JsonProperty("sample_rate") int sampleRate,
        @JsonProperty("bit_rate") Long bitRate,
        String language,
        @JsonProperty("default") boolean isDefault) {
}
