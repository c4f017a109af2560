package com.audioextraction.health;

import java.time.Duration;

import com.audioextraction.s3.S3Connection;

/**
 * Ready only while the S3 store answers and has the source bucket (a success is kept 10 s). The
 * service keeps serving local files while it is DOWN; only S3 reads fail (502).
 */
public class S3HealthCheck extends ReadinessCheck {

    private final S3Connection store;
    private final String bucket;

    public S3HealthCheck(S3Connection store, String bucket) {
        super("s3", "endpoint", store.endpoint() + " bucket " + bucket, Duration.ofSeconds(10));
        this.store = store;
        this.bucket = bucket;
    }

    @Override
    protected String findProblem() {
        try {
            return store.bucketExists(bucket) ? null : "the bucket " + bucket + " does not exist at " + store.endpoint();
        } catch (Exception e) {
            return store.explain(e, bucket, "the bucket").detail();
        }
    }
}
