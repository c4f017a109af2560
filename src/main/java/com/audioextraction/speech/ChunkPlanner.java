package com.audioextraction.speech;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.audioextraction.request.ExtractionOptions;
import com.audioextraction.request.ExtractionRequest;

/**
 * Cuts the analysed span into chunks at pauses: each chunk ends at the middle of the pause nearest
 * to its target length, never later than the maximum (with no pause in reach it is cut at the
 * maximum, the one place a word can be split). Chunk URLs ask for the request's format and stream.
 */
public class ChunkPlanner {

    private final String baseUrl;

    /** @param baseUrl where workers reach the service ({@code http://storage-node:8888}); empty: URLs relative to the service */
    public ChunkPlanner(String baseUrl) {
        this.baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
    }

    public ChunkPlan plan(SpeechAnalysis speech, ExtractionRequest request, ChunkSettings settings) {
        double end = speech.start() + speech.duration();
        List<Double> pauses = new ArrayList<>();
        List<Interval> stretches = speech.speech();
        for (int i = 1; i < stretches.size(); i++) {
            pauses.add(Times.millis((stretches.get(i - 1).end() + stretches.get(i).start()) / 2));
        }
        List<ChunkPlan.Chunk> chunks = new ArrayList<>();
        double from = speech.start();
        while (end - from > settings.maxSeconds()) {
            double cut = from + settings.maxSeconds();
            double best = Double.MAX_VALUE;
            for (double pause : pauses) {
                if (pause > from && pause <= from + settings.maxSeconds()
                        && Math.abs(pause - from - settings.targetSeconds()) < best) {
                    best = Math.abs(pause - from - settings.targetSeconds());
                    cut = pause;
                }
            }
            chunks.add(chunk(chunks.size(), from, cut, request));
            from = cut;
        }
        chunks.add(chunk(chunks.size(), from, end, request));
        return new ChunkPlan(request.savepath(), request.format().id(), settings, speech.start(), speech.duration(), chunks);
    }

    private ChunkPlan.Chunk chunk(int index, double from, double to, ExtractionRequest request) {
        double duration = Times.millis(to - from);
        ExtractionOptions options = request.options();
        StringBuilder url = new StringBuilder(baseUrl).append("/extract-audio?savepath=")
                .append(URLEncoder.encode(request.savepath(), StandardCharsets.UTF_8))
                .append("&audio_format=").append(request.format().id())
                .append("&start=").append(Times.format(from)).append("&duration=").append(Times.format(duration));
        if (options.track() != null) {
            url.append("&track=").append(options.track());
        }
        if (options.language() != null) {
            url.append("&language=").append(options.language());
        }
        if (options.sampleRate() != null) {
            url.append("&sample_rate=").append(options.sampleRate());
        }
        if (options.channels() != null) {
            url.append("&channels=").append(options.channels());
        }
        return new ChunkPlan.Chunk(index, Times.millis(from), duration, url.toString());
    }
}
