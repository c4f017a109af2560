package com.audioextraction.request;

import com.audioextraction.speech.SpeechSettings;

/**
 * What a request may ask beyond the format; null means "not asked".
 *
 * @param sampleRate output sample rate in Hz
 * @param channels   output channels (1 or 2)
 * @param bitrate    output bitrate in bit/s (lossy formats)
 * @param start      seconds into the source where the output begins
 * @param duration   seconds of output at most
 * @param track      index of the audio stream among the source's audio streams, from 0
 * @param language   ISO 639-1 or -2 tag of the wanted audio stream
 * @param speechOnly whether only the speech is extracted (see the speech package)
 * @param speech     how speech is told from silence (the defaults unless the request says otherwise)
 */
public record ExtractionOptions(Integer sampleRate, Integer channels, Integer bitrate, Double start, Double duration,
        Integer track, String language, boolean speechOnly, SpeechSettings speech) {

    /** Options of a plain extraction (no speech settings). */
    public ExtractionOptions(Integer sampleRate, Integer channels, Integer bitrate, Double start, Double duration, Integer track,
            String language) {
        this(sampleRate, channels, bitrate, start, duration, track, language, false, null);
    }
}
