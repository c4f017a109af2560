package com.audioextraction.s3;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;

import com.audioextraction.ApiException;
import io.minio.BucketExistsArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;

/**
 * The S3-compatible store (MinIO or any other) the service reads videos from and may write job
 * audio to: its address, the client camel-minio uses, and how its failures read to a user.
 * Credentials stay in here; nothing it produces (messages, descriptions) contains them.
 */
public final class S3Connection implements AutoCloseable {

    /** Answers that mean the store does not accept the service's credentials (or their permissions). */
    private static final Set<String> REFUSED = Set.of("AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch",
            "InvalidToken", "ExpiredToken", "AuthorizationHeaderMalformed", "AllAccessDisabled");

    private final String endpoint;
    private final MinioClient client;

    private S3Connection(String endpoint, MinioClient client) {
        this.endpoint = endpoint;
        this.client = client;
    }

    /** The store at {@code endpoint}; with an empty endpoint, none ({@link #configured()} is false). */
    public static S3Connection of(String endpoint, String accessKey, String secretKey, String region, Duration timeout) {
        if (endpoint == null || endpoint.isBlank()) {
            return new S3Connection(null, null);
        }
        MinioClient client = MinioClient.builder().endpoint(endpoint.trim()).credentials(accessKey.trim(), secretKey.trim())
                .region(region.trim()).build();
        // minio-java waits 5 minutes by default; a store that does not answer must not hold a request that long
        long millis = timeout.toMillis();
        client.setTimeout(millis, millis, millis);
        return new S3Connection(endpoint.trim(), client);
    }

    /** Whether an S3 store is configured (audio.s3.endpoint). */
    public boolean configured() {
        return client != null;
    }

    public String endpoint() {
        return endpoint;
    }

    /** The client camel-minio's endpoints use (set on the component). */
    public MinioClient client() {
        return client;
    }

    /** Whether {@code bucket} exists; throws what {@link #explain} explains. */
    public boolean bucketExists(String bucket) throws Exception {
        return client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
    }

    /**
     * A failure of a call to the store as the error a client gets: 404 for a missing object, 502
     * for everything the store (or the way to it) got wrong, with what to check.
     *
     * @param what the object in words, e.g. {@code "video 'tv/news.mp4'"}
     */
    public ApiException explain(Exception failure, String bucket, String what) {
        if (failure instanceof ErrorResponseException answer) {
            String code = answer.errorResponse().code();
            if ("NoSuchKey".equals(code)) {
                return ApiException.notFound("video not found", "no " + what + " in bucket '" + bucket + "'");
            }
            if ("NoSuchBucket".equals(code)) {
                return ApiException.badGateway("S3 bucket missing", "the bucket '" + bucket + "' does not exist at " + endpoint);
            }
            if (REFUSED.contains(code)) {
                return ApiException.badGateway("S3 store refused the service", "the store at " + endpoint + " answered " + code
                        + " for " + what + ": check audio.s3.access-key, audio.s3.secret-key and the key's permissions");
            }
            return ApiException.badGateway("S3 store error", "the store at " + endpoint + " answered " + code + " for " + what
                    + (answer.errorResponse().message() == null ? "" : ": " + answer.errorResponse().message()));
        }
        if (failure instanceof ConnectException || failure instanceof UnknownHostException
                || failure instanceof SocketTimeoutException) {
            return ApiException.badGateway("S3 store unreachable", "cannot reach the store at " + endpoint + " ("
                    + failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage()) + ")");
        }
        return ApiException.badGateway("S3 store error", "reading " + what + " from " + endpoint + " failed: "
                + failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
    }

    @Override
    public void close() throws Exception {
        if (client != null) {
            client.close();
        }
    }
}
