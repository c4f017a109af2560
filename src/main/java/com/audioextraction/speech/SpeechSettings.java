package com.audioextraction.speech;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How speech is told from silence.
 *
 * @param minSilence  seconds a pause must last to count as silence (shorter ones stay: between words)
 * @param thresholdDb how far below the track's own speech level a frame must be to count as silent (negative dB)
 * @param padding     seconds of context kept before and after each stretch of speech when it is cut out
 */
public record SpeechSettings(@JsonProperty("min_silence") double minSilence, @JsonProperty("threshold_db") double thresholdDb,
        double padding) {

    /** The built-in defaults, as in application.properties. */
    public static final SpeechSettings DEFAULTS = new SpeechSettings(0.5, -35, 0.2);
}
