package com.audioextraction.speech;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Tells speech from silence in a track decoded to 16 kHz mono s16le (what Whisper hears). The
 * default compares the energy of 10 ms frames with the track's own level ({@link EnergyDetector});
 * a voice-activity model can be added behind the same interface.
 */
public interface SpeechDetector {

    /** Frames per second the detector works in: interval bounds are multiples of 1/FRAMES_PER_SECOND. */
    int FRAMES_PER_SECOND = 100;

    /** The detector's name, reported with the results. */
    String name();

    /**
     * @param pcm      16 kHz mono s16le samples, from the start of the span to its end
     * @param settings how silence is told
     * @return the speech found, in seconds from the start of the span
     */
    Result detect(InputStream pcm, SpeechSettings settings) throws IOException;

    /** What a detector found: the speech, in seconds from the start of the span, and its levels. */
    record Result(List<Interval> speech, double spanSeconds, double speechLevel, double threshold) {
    }
}
