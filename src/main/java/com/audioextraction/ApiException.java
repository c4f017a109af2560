package com.audioextraction;

/**
 * A failure the client is told about as {@code {"error": ..., "detail": ...}} with an HTTP status.
 * Thrown anywhere in the pipeline before the first audio byte; mapped to a response in one place
 * ({@code HttpErrorConfiguration}).
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String error;
    private final String detail;
    private final Long retryAfterSeconds;
    private String ffmpegCause;

    public ApiException(int status, String error, String detail) {
        this(status, error, detail, null);
    }

    /** @param retryAfterSeconds sent as Retry-After (with 503), or null */
    public ApiException(int status, String error, String detail, Long retryAfterSeconds) {
        super(error + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.error = error;
        this.detail = detail;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException badRequest(String error, String detail) {
        return new ApiException(400, error, detail);
    }

    public static ApiException notFound(String error, String detail) {
        return new ApiException(404, error, detail);
    }

    public static ApiException tooLarge(String detail) {
        return new ApiException(413, "request body too large", detail);
    }

    public static ApiException unprocessable(String error, String detail) {
        return new ApiException(422, error, detail);
    }

    /** The storage behind the service (an S3 store) failed or refused it: not the client's fault, nor the service's. */
    public static ApiException badGateway(String error, String detail) {
        return new ApiException(502, error, detail);
    }

    public static ApiException internal(String error, String detail) {
        return new ApiException(500, error, detail);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String detail() {
        return detail;
    }

    /** Marks the failure as ffmpeg's (or ffprobe's), with a short cause for the metrics. */
    public ApiException fromFfmpeg(String cause) {
        this.ffmpegCause = cause;
        return this;
    }

    /** The ffmpeg failure cause ({@code not_media}, {@code no_audio}, ...), or null when ffmpeg is not to blame. */
    public String ffmpegCause() {
        return ffmpegCause;
    }

    /** Seconds after which a retry may succeed (for 503), or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The JSON body a caller gets: {@code {"error": ..., "detail": ...}}. */
    public String json() {
        return com.audioextraction.http.JsonErrors.body(error, detail);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", detail);
    }
}
