package com.audioextraction.health;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Ready only while the bucket root is a readable directory (a lost mount makes every request 404). */
public class BucketHealthCheck extends ReadinessCheck {

    private final Path bucketRoot;

    public BucketHealthCheck(Path bucketRoot) {
        super("bucket", "path", bucketRoot.toString(), Duration.ZERO);
        this.bucketRoot = bucketRoot;
    }

    @Override
    protected String findProblem() {
        return Files.isDirectory(bucketRoot) && Files.isReadable(bucketRoot)
                ? null : "the bucket root " + bucketRoot + " is not a readable directory";
    }
}
