package com.audioextraction.jobs;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.audioextraction.Failures;

/**
 * Where batch jobs put their audio. ffmpeg writes a file the store reserved (so the file is
 * complete as ffmpeg writes one it can seek: WAV sizes, FLAC sample count and MD5, MP3 info
 * header); it is then published whole (see the job routes) or dropped: readers never see a
 * partial object.
 */
public interface OutputStore {

    /** Reserves the file the audio of {@code key} is written to (it does not exist yet); 400 when the key is refused. */
    PendingOutput reserve(String key) throws IOException;

    /** Where the outputs go, for the start-up log. */
    String location();

    /** The key as it will be stored (normalised); throws a 400 {@link com.audioextraction.ApiException} when refused. */
    String checkKey(String key);

    /**
     * The written file, published: made visible whole under its key (a directory renames it into
     * place; for a bucket the upload-output route has put it there before).
     */
    Stored published(PendingOutput output) throws IOException;

    /** Publishing failed: throws the error the job fails with (what to check). */
    default void failedToPublish(Exception failure, PendingOutput output) {
        throw Failures.explain(failure);
    }

    /**
     * An output being written: {@code file} is where ffmpeg writes, {@code key} what it is published
     * as. Closing drops the file (after publishing there is nothing left to drop).
     */
    record PendingOutput(String key, Path file) implements Closeable {

        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a file in the service's own folder: removed at the next start at the latest
            }
        }
    }

    /** A published output: where (the result event's "output") and how big. */
    record Stored(String location, long bytes) {
    }
}
