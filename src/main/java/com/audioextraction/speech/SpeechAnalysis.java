package com.audioextraction.speech;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where the speech is in (a span of) a video's audio stream, in source time.
 *
 * @param savepath         the video
 * @param audioStream      the audio stream analysed (index among the audio streams)
 * @param start            where the analysed span starts in the source (seconds)
 * @param duration         how long the analysed span is (seconds)
 * @param detector         which detector found it, with its settings and levels
 * @param speech           the stretches of speech, as detected
 * @param segments         what speech_only extracts: the speech with its padding, overlapping ones merged;
 *                         output time t maps to source time as described in docs/speech.md
 * @param speechSeconds    the length of the speech
 * @param segmentsSeconds  the length of the segments (the speech_only output's length)
 */
public record SpeechAnalysis(String savepath,
        @JsonProperty("audio_stream") int audioStream,
        double start,
        double duration,
        Detector detector,
        List<Interval> speech,
        List<Interval> segments,
        @JsonProperty("speech_seconds") double speechSeconds,
        @JsonProperty("segments_seconds") double segmentsSeconds) {

    /**
     * The detector and what it worked with.
     *
     * @param name        the detector ({@code energy})
     * @param settings    the settings used
     * @param speechLevel the track's speech level it measured (dBFS)
     * @param threshold   the level below which a frame counted as silent (dBFS)
     */
    public record Detector(String name, SpeechSettings settings, @JsonProperty("speech_level_dbfs") double speechLevel,
            @JsonProperty("threshold_dbfs") double threshold) {
    }

    /** The segments as the X-Speech-Segments header gives them: {@code 1.23-4.56,7.8-9.1} (source seconds). */
    public String segmentsHeader() {
        StringBuilder out = new StringBuilder();
        for (Interval segment : segments) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(Times.format(segment.start())).append('-').append(Times.format(segment.end()));
        }
        return out.toString();
    }
}
