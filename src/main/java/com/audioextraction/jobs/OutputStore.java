package com.audioextraction.jobs;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where batch jobs put their audio. ffmpeg writes a file the store reserved (so the file is
 * complete as ffmpeg writes one it can seek: WAV sizes, FLAC sample count and MD5, MP3 info
 * header), and the store publishes it whole or drops it: readers never see a partial object.
 */
public interface OutputStore {

    /** Reserves the file the audio of {@code key} is written to (it does not exist yet); 400 when the key is refused. */
    PendingOutput reserve(String key) throws IOException;

    /** Where the outputs go, for the start-up log. */
    String location();

    /** The key as it will be stored (normalised); throws a 400 {@link com.audioextraction.ApiException} when refused. */
    String checkKey(String key);

    /** An output being written: published under its key, or discarded when closed unpublished. */
    interface PendingOutput extends Closeable {

        /** The file ffmpeg writes. */
        Path file();

        /** Makes the written file visible under its key. */
        Stored publish() throws IOException;

        /** Drops the file unless it was published. */
        @Override
        void close();
    }

    record Stored(String location, long bytes) {
    }
}
