package com.audioextraction.health;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Ready only while the bucket root is a readable directory (a lost mount makes every request 404). */
public class BucketHealthCheck extends AbstractHealthCheck {

    private final Path bucketRoot;

    public BucketHealthCheck(Path bucketRoot) {
        super("audio", "bucket");
        this.bucketRoot = bucketRoot;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("path", bucketRoot.toString());
        if (Files.isDirectory(bucketRoot) && Files.isReadable(bucketRoot)) {
            builder.up();
        } else {
            builder.message("the bucket root " + bucketRoot + " is not a readable directory").down();
        }
    }
}
