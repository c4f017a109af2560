package com.audioextraction.extraction;

import com.audioextraction.probe.AudioStream;
import com.audioextraction.probe.MediaInfo;
import com.audioextraction.request.ExtractionRequest;

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
 */
public record ExtractionPlan(ExtractionRequest request, MediaInfo media, AudioStream stream, int sampleRate, int channels,
        Integer bitrate, Double outputDuration) {
}
