package com.audioextraction.jobs;

import java.io.IOException;
import java.io.InputStream;

/** Where batch jobs put their audio. Readers never see a partial object: it appears whole or not at all. */
public interface OutputStore {

    /**
     * Stores everything {@code audio} yields under {@code key}, replacing what was there. Only when
     * {@code complete} is true after the stream ended is the object published; otherwise it is dropped.
     *
     * @return the stored object's location (what the result event reports) and size
     */
    Stored store(String key, InputStream audio, Completion complete) throws IOException;

    /** Where the outputs go, for the start-up log. */
    String location();

    /** The key as it will be stored (normalised); throws a 400 {@link com.audioextraction.ApiException} when refused. */
    String checkKey(String key);

    /** Asked once the stream has ended: may the object be published? Throws to refuse with a reason. */
    @FunctionalInterface
    interface Completion {
        void check() throws IOException;
    }

    record Stored(String location, long bytes) {
    }
}
