package com.audioextraction.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.audioextraction.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves a request's {@code savepath} to a file under the bucket root
 * ({@code <minio-data-path>/<bucket-name>}). A path that is absolute, has {@code ..} segments, NUL
 * or backslashes, or whose real path (symlinks resolved) leaves the bucket root is refused before
 * anything is opened; ffmpeg is handed the real path.
 */
public class SourceResolver {

    private static final Logger LOG = LoggerFactory.getLogger(SourceResolver.class);

    private final Path bucketRoot;

    public SourceResolver(Path bucketRoot) {
        this.bucketRoot = bucketRoot.toAbsolutePath().normalize();
    }

    /** The source of {@code savepath}; {@code requestId} only labels the log line. */
    public Source resolve(String savepath, String requestId) {
        Path file = resolveFile(savepath);
        LOG.info("[{}] resolved {} -> {}", requestId, savepath, file);
        return Source.localFile(file);
    }

    Path resolveFile(String savepath) {
        String problem = RelativePaths.problem(savepath);
        if (problem != null) {
            throw refused(savepath, problem);
        }
        Path candidate;
        try {
            candidate = bucketRoot.resolve(savepath).normalize();
        } catch (InvalidPathException e) {
            throw refused(savepath, "not a valid path");
        }
        if (!candidate.startsWith(bucketRoot)) {
            throw refused(savepath, "it leaves the bucket");
        }
        Path real;
        Path realRoot;
        try {
            real = candidate.toRealPath();
            realRoot = bucketRoot.toRealPath();
        } catch (NoSuchFileException e) {
            throw noSuchVideo(savepath);
        } catch (AccessDeniedException e) {
            throw ApiException.internal("video not readable", "the service may not read " + savepath);
        } catch (IOException e) {
            throw ApiException.internal("video not readable", e.getClass().getSimpleName() + " on " + savepath);
        }
        if (!real.startsWith(realRoot)) {
            throw refused(savepath, "it resolves (through a link) to a file outside the bucket");
        }
        if (!Files.isRegularFile(real)) {
            throw noSuchVideo(savepath);
        }
        return real;
    }


    private static ApiException refused(String savepath, String why) {
        return ApiException.badRequest("invalid savepath", printable(savepath) + " is refused: " + why);
    }

    private static ApiException noSuchVideo(String savepath) {
        return ApiException.notFound("video not found", "no video at " + printable(savepath) + " in the bucket");
    }

    /** The path as it may appear in a message: control characters shown as escapes. */
    private static String printable(String savepath) {
        StringBuilder out = new StringBuilder("'");
        savepath.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('\'').toString();
    }
}
