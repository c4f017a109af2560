package com.audioextraction.http;

import com.audioextraction.ApiException;
import com.audioextraction.metrics.AudioMetrics;
import com.audioextraction.request.ExtractionRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the service does with an HTTP request's failure besides answering it (the answer itself is
 * in HttpErrorConfiguration, from {@link com.audioextraction.Failures#explain}): one log line, no
 * stack trace for a caller's mistake, and the metrics.
 */
public class ErrorResponder {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponder.class);

    private final AudioMetrics metrics;

    public ErrorResponder(AudioMetrics metrics) {
        this.metrics = metrics;
    }

    /** Logs and counts {@code error} (what {@code failure} is called); returns it. */
    public ApiException report(ApiException error, Exception failure, String requestId, String endpoint, ExtractionRequest request) {
        String id = requestId == null ? "-" : requestId;
        if (error.status() >= 500) {
            if (failure instanceof ApiException) {
                LOG.warn("[{}] {} {}: {}", id, error.status(), error.error(), error.detail());
            } else {
                LOG.error("[{}] {} unexpected failure", id, error.status(), failure);
            }
        } else {
            LOG.info("[{}] {} {}: {}", id, error.status(), error.error(), error.detail());
        }
        if (error.ffmpegCause() != null) {
            metrics.ffmpegFailed(error.ffmpegCause());
        }
        metrics.answered(endpoint == null ? "extract" : endpoint, request == null ? null : request.format().id(), error.status());
        return error;
    }
}
