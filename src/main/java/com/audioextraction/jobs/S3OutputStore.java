package com.audioextraction.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.audioextraction.s3.S3Connection;
import io.minio.MakeBucketArgs;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.minio.MinioConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Job output in a bucket of the S3 store, uploaded with camel-minio. The audio is first written to
 * a temporary file (camel-minio would otherwise hold a stream of unknown length in memory), and
 * uploaded only when ffmpeg ended cleanly: an S3 PUT (or multipart upload) becomes visible whole
 * when it completes, so nobody sees a partial object. The temporary file is always removed;
 * leftovers of a crash are removed at start.
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
    public Stored store(String key, InputStream audio, Completion complete) throws IOException {
        String objectKey = OutputKeys.check(key);
        Path part = Files.createTempFile(tempDir, TEMP_PREFIX, ".part");
        try {
            long bytes;
            try (OutputStream out = Files.newOutputStream(part)) {
                bytes = audio.transferTo(out);
            }
            complete.check();
            ensureBucket();
            Exchange sent = producer.send(uploadUri, exchange -> {
                exchange.getMessage().setBody(part.toFile());
                exchange.getMessage().setHeader(MinioConstants.OBJECT_NAME, objectKey);
            });
            if (sent.getException() != null) {
                throw store.explain(sent.getException(), bucket, "output '" + objectKey + "'");
            }
            return new Stored("s3://" + bucket + "/" + objectKey, bytes);
        } finally {
            Files.deleteIfExists(part);
        }
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
