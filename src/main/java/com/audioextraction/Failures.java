package com.audioextraction;

import com.audioextraction.ffmpeg.FfmpegFailure;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The one mapping from a failure to what a caller is told: status, error, detail. HTTP errors
 * are answered from it and a failed job's reason is written from it.
 */
public final class Failures {

    private Failures() {
    }

    /** {@code failure} (or the first of its causes the service raised) as the error a caller gets. */
    public static ApiException explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
            if (t instanceof JsonProcessingException json) {
                return ApiException.badRequest("malformed JSON", json.getOriginalMessage());
            }
            if (t instanceof FfmpegFailure.CutShort cut) {
                return ApiException.internal("ffmpeg failed", cut.getMessage()).fromFfmpeg(cut.cause());
            }
        }
        return ApiException.internal("internal error", failure == null ? "unknown" : failure.toString());
    }

    /** One line: {@code 404 video not found: no video at 'x' in the bucket}. */
    public static String reason(Throwable failure) {
        ApiException error = explain(failure);
        return error.status() + " " + error.error() + (error.detail() == null ? "" : ": " + error.detail());
    }

    /** Whether trying again cannot help: the request itself is wrong (a 4xx), not the service or the storage. */
    public static boolean isPermanent(Throwable failure) {
        return explain(failure).status() < 500;
    }
}
