package com.audioextraction.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where ffmpeg reads a video from.
 *
 * @param ffmpegInput  what follows {@code -i}; may be a credential (a presigned URL), so never log it
 * @param inputOptions ffmpeg options placed before {@code -i} (e.g. the protocols it may use)
 * @param description  a loggable description of the source
 * @param size         bytes
 */
public record Source(String ffmpegInput, List<String> inputOptions, String description, long size) {

    /** A plain file: ffmpeg may use the file protocol only, so a crafted playlist cannot reach the network. */
    public static Source localFile(Path file) {
        try {
            return new Source("file:" + file, List.of("-protocol_whitelist", "file"), file.toString(), Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
