package com.audioextraction.source;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.audioextraction.ApiException;
import com.audioextraction.ffmpeg.InputPolicy;
import com.audioextraction.s3.S3Connection;
import io.minio.GetObjectResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the S3 source routes around camel-minio's calls: reading the answer to the
 * existence check, turning the store's failures into the client's error, and handing ffmpeg the
 * presigned URL. The URL is a credential: it goes into {@link Source#ffmpegInput()} only, never
 * into a log line or a message.
 */
public class S3Sources {

    private static final Logger LOG = LoggerFactory.getLogger(S3Sources.class);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes \\d+-\\d+/(\\d+)");
    private final S3Connection store;
    private final Duration urlExpiry;
    private final InputPolicy policy;

    /** @param store the S3 store (when none is configured, no S3Object ever reaches these steps) */
    public S3Sources(S3Connection store, Duration urlExpiry, InputPolicy policy) {
        this.store = store;
        this.urlExpiry = urlExpiry;
        this.policy = policy;
    }

    /** Seconds a presigned URL stays valid (camel-minio's expiration header). */
    public int urlExpirySeconds() {
        return (int) Math.max(1, urlExpiry.toSeconds());
    }

    /** The answer to "give me the object's first byte": it exists; its size is in Content-Range. */
    public S3Object found(InputStream firstByte, S3Object object) throws IOException {
        try (firstByte) {
            long size = -1;
            if (firstByte instanceof GetObjectResponse response) {
                String range = response.headers().get("Content-Range");
                Matcher m = range == null ? null : CONTENT_RANGE.matcher(range);
                if (m != null && m.matches()) {
                    size = Long.parseLong(m.group(1));
                }
            }
            return object.withSize(size);
        }
    }

    /** The existence check or the signing failed: the error the client gets (404, 422 or 502). */
    public void failed(Exception failure, S3Object object) {
        if (failure instanceof io.minio.errors.ErrorResponseException answer
                && "InvalidRange".equals(answer.errorResponse().code())) {
            throw ApiException.unprocessable("not a media file", object.savepath() + " is empty (0 bytes)");
        }
        throw store.explain(failure, object.bucket(), "video '" + object.savepath() + "'");
    }

    /**
     * ffmpeg's input: the presigned URL (HTTP with range requests, so moov-at-end files and segments
     * work). ffmpeg may speak HTTP(S) to the store and use self-contained demuxers only, so a
     * playlist stored as a video cannot send it to other URLs.
     */
    public Source presigned(String url, S3Object object, String requestId) {
        LOG.info("[{}] reading {} ({} bytes) through a presigned URL valid {} s", requestId, object.location(), object.size(),
                urlExpirySeconds());
        return new Source(url, policy.url(), object.location(), object.size(), null);
    }
}
