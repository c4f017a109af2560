package com.audioextraction.probe;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a video holds, as the probe reports it.
 *
 * @param savepath  the path inside the bucket
 * @param container the container (demuxer) names, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param duration  seconds, when known
 * @param size      bytes
 * @param hasVideo  whether there is a video stream
 * @param audio     the audio streams in file order
 */
public record MediaInfo(String savepath,
        String container,
        Double duration,
        long size,
        @JsonProperty("has_video") boolean hasVideo,
        @JsonProperty("audio_streams") List<AudioStream> audio) {

    /** The stream ffmpeg marks default, else the first; empty when there is no audio. */
    public java.util.Optional<AudioStream> defaultAudio() {
        return audio.stream().filter(AudioStream::isDefault).findFirst().or(() -> audio.stream().findFirst());
    }

    /** The audio streams in a few words, for messages: {@code 0: aac 2ch eng (default), 1: ac3 6ch ara}. */
    public String describeAudio() {
        if (audio.isEmpty()) {
            return "none";
        }
        return String.join(", ", audio.stream().map(s -> s.index() + ": " + s.codec() + " " + s.channels() + "ch"
                + (s.language() == null ? "" : " " + s.language()) + (s.isDefault() ? " (default)" : "")).toList());
    }
}
