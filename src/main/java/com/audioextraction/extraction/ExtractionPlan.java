package com.audioextraction.extraction;

import com.audioextraction.probe.AudioStream;
import com.audioextraction.probe.MediaInfo;
import com.audioextraction.request.ExtractionRequest;
import com.audioextraction.speech.SpeechAnalysis;

/**
 * What exactly will be extracted: the request, the chosen audio stream and the output's shape.
 *
 * @param request        the request
 * @param media          what the video holds
 * @param stream         the audio stream to extract
 * @param sampleRate     output sample rate (Hz)
 * @param channels       output channels
 * @param bitrate        output bitrate in bit/s for lossy formats, else null
 * @param outputDuration expected seconds of output, when the source's duration is known
 * @param speech         for speech_only: the speech found, whose segments alone are extracted; else null
 */
public record ExtractionPlan(ExtractionRequest request, MediaInfo media, AudioStream stream, int sampleRate, int channels,
        Integer bitrate, Double outputDuration, SpeechAnalysis speech) {

    public ExtractionPlan(ExtractionRequest request, MediaInfo media, AudioStream stream, int sampleRate, int channels,
            Integer bitrate, Double outputDuration) {
        this(request, media, stream, sampleRate, channels, bitrate, outputDuration, null);
    }

    /** This plan narrowed to the speech: only its segments are extracted, so the output is as long as they are. */
    public ExtractionPlan withSpeech(SpeechAnalysis found) {
        return new ExtractionPlan(request, media, stream, sampleRate, channels, bitrate, found.segmentsSeconds(), found);
    }
}
