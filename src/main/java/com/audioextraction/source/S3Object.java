package com.audioextraction.source;

/**
 * A video in the S3 store, found but not yet opened: ffmpeg gets a presigned URL for it only once
 * the work has its slot (see {@link S3Sources}).
 *
 * @param bucket   the bucket
 * @param key      the object key (the savepath, normalised)
 * @param savepath what the request asked for, for messages
 * @param size     bytes; -1 until the store has answered
 */
public record S3Object(String bucket, String key, String savepath, long size) implements VideoLocation {

    public S3Object withSize(long bytes) {
        return new S3Object(bucket, key, savepath, bytes);
    }

    /** How the object appears in logs and results: {@code s3://bucket/key}. */
    public String location() {
        return "s3://" + bucket + "/" + key;
    }
}
