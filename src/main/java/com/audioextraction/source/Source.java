package com.audioextraction.source;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * An opened video, ready for ffprobe and ffmpeg. Close it when the work is done: a local file
 * stays open in the service for as long as the tools may read it.
 *
 * @param ffmpegInput  what follows {@code -i}; may be a credential (a presigned URL), so never log it
 * @param inputOptions ffmpeg options placed before {@code -i} (the protocols and demuxers it may use)
 * @param description  a loggable description of the source
 * @param size         bytes
 * @param handle       what to close when done (the open file), or null
 */
public record Source(String ffmpegInput, List<String> inputOptions, String description, long size, Closeable handle)
        implements Closeable {

    @Override
    public void close() {
        if (handle != null) {
            try {
                handle.close();
            } catch (IOException e) {
                // a read-only descriptor: nothing to flush, nothing lost
            }
        }
    }
}
