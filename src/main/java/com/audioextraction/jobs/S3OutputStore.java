package com.audioextraction.jobs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import com.audioextraction.s3.S3Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Job output in a bucket of the S3 store. ffmpeg writes the audio to a staging file (complete, and
 * of known length for camel-minio), which the upload-output route puts into the bucket only when
 * ffmpeg ended cleanly: an S3 PUT (or multipart upload) becomes visible whole when it completes,
 * so nobody sees a partial object. The staging file is always removed; leftovers of a crash are
 * removed at start.
 */
public class S3OutputStore implements OutputStore {

    private static final Logger LOG = LoggerFactory.getLogger(S3OutputStore.class);
    private static final String TEMP_PREFIX = "audio-extraction-upload-";

    private final S3Connection store;
    private final String bucket;
    private final Path tempDir;

    public S3OutputStore(S3Connection store, String bucket, Path tempDir) throws IOException {
        this.store = store;
        this.bucket = bucket;
        this.tempDir = Files.createDirectories(tempDir);
        removeLeftovers();
    }

    @Override
    public String location() {
        return "s3://" + bucket + " at " + store.endpoint();
    }

    @Override
    public String checkKey(String key) {
        return OutputKeys.check(key);
    }

    @Override
    public PendingOutput reserve(String key) {
        return new PendingOutput(OutputKeys.check(key), tempDir.resolve(TEMP_PREFIX + UUID.randomUUID() + ".part"));
    }

    /** The object the upload-output route made (its staging file is dropped). */
    @Override
    public Stored published(PendingOutput output) throws IOException {
        long bytes = Files.size(output.file());
        output.close();
        return new Stored("s3://" + bucket + "/" + output.key(), bytes);
    }

    /** The upload failed: why, as the job's failure (502 with what to check). */
    @Override
    public void failedToPublish(Exception failure, PendingOutput output) {
        throw store.explain(failure, bucket, "output '" + output.key() + "'");
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
