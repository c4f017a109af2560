package com.audioextraction.jobs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import com.audioextraction.s3.S3Connection;
import io.minio.MakeBucketArgs;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.minio.MinioConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Job output in a bucket of the S3 store, uploaded with camel-minio. ffmpeg writes the audio to a
 * staging file (a complete file, which camel-minio then uploads with its length known), uploaded
 * only when ffmpeg ended cleanly: an S3 PUT (or multipart upload) becomes visible whole when it
 * completes, so nobody sees a partial object. The staging file is always removed; leftovers of a
 * crash are removed at start.
 */
public class S3OutputStore implements OutputStore {

    private static final Logger LOG = LoggerFactory.getLogger(S3OutputStore.class);
    private static final String TEMP_PREFIX = "audio-extraction-upload-";

    private final S3Connection store;
    private final String bucket;
    private final Path tempDir;
    private final ProducerTemplate producer;
    private final String uploadUri;
    private volatile boolean bucketReady;

    public S3OutputStore(S3Connection store, String bucket, Path tempDir, ProducerTemplate producer) throws IOException {
        this.store = store;
        this.bucket = bucket;
        this.tempDir = Files.createDirectories(tempDir);
        this.producer = producer;
        // objectName only keeps the endpoint from checking the bucket at start; the header names each object
        this.uploadUri = "minio:" + bucket + "?autoCreateBucket=false&objectName=set-per-call";
        removeLeftovers();
    }

    public String location() {
        return "s3://" + bucket + " at " + store.endpoint();
    }

    @Override
    public String checkKey(String key) {
        return OutputKeys.check(key);
    }

    @Override
    public PendingOutput reserve(String key) {
        String objectKey = OutputKeys.check(key);
        Path staging = tempDir.resolve(TEMP_PREFIX + UUID.randomUUID() + ".part");
        return new PendingOutput() {
            @Override
            public Path file() {
                return staging;
            }

            @Override
            public Stored publish() throws IOException {
                long bytes = Files.size(staging);
                ensureBucket();
                Exchange sent = producer.send(uploadUri, exchange -> {
                    exchange.getMessage().setBody(staging.toFile());
                    exchange.getMessage().setHeader(MinioConstants.OBJECT_NAME, objectKey);
                });
                if (sent.getException() != null) {
                    throw store.explain(sent.getException(), bucket, "output '" + objectKey + "'");
                }
                return new Stored("s3://" + bucket + "/" + objectKey, bytes);
            }

            @Override
            public void close() {
                try {
                    Files.deleteIfExists(staging);
                } catch (IOException e) {
                    LOG.warn("cannot remove the staged upload {}: {}", staging, e.getMessage());
                }
            }
        };
    }

    /** Creates the output bucket the first time it is missing (a fresh MinIO has none). */
    private void ensureBucket() {
        if (bucketReady) {
            return;
        }
        try {
            if (!store.bucketExists(bucket)) {
                store.client().makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                LOG.info("created the output bucket {} at {}", bucket, store.endpoint());
            }
            bucketReady = true;
        } catch (Exception e) {
            throw store.explain(e, bucket, "the output bucket");
        }
    }

    private void removeLeftovers() throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(tempDir, TEMP_PREFIX + "*.part")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
                LOG.info("removed the temporary upload {} of an interrupted job", leftover);
            }
        }
    }
}
