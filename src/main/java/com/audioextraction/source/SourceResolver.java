package com.audioextraction.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

import com.audioextraction.ApiException;
import com.audioextraction.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides where a request's {@code savepath} is read from, in this order:
 * <ol>
 *   <li>a plain file under the bucket root ({@code <minio-data-path>/<bucket-name>}) is read from disk;</li>
 *   <li>a folder there holding {@code xl.meta} is a current MinIO object (its bytes on disk carry
 *       checksums and are not a video): it is read through the S3 API;</li>
 *   <li>nothing on disk: the S3 store, when one is configured;</li>
 *   <li>otherwise 404.</li>
 * </ol>
 * {@code audio.source=local} or {@code s3} keeps to one of the two. Whichever way, a path that is
 * absolute, has {@code ..} segments, NUL or backslashes, or leaves the bucket (also through a
 * symlink) is refused before anything is opened, and the S3 key is the normalised path.
 */
public class SourceResolver {

    /** {@code audio.source}: where videos may come from. */
    public enum Mode {
        AUTO, LOCAL, S3;

        public static Mode parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new StartupFailure("audio.source=" + text + " is not one of auto, local, s3");
            }
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SourceResolver.class);

    private final Path bucketRoot;
    private final Mode mode;
    /** The S3 bucket, or null when no S3 store is configured. */
    private final String s3Bucket;

    /** Local files only (no S3 store configured). */
    public SourceResolver(Path bucketRoot) {
        this(bucketRoot, Mode.LOCAL, null);
    }

    /** @param s3Bucket the bucket in the S3 store, or null when no store is configured */
    public SourceResolver(Path bucketRoot, Mode mode, String s3Bucket) {
        if (mode == Mode.S3 && s3Bucket == null) {
            throw new StartupFailure("audio.source=s3 needs an S3 store: set audio.s3.endpoint");
        }
        this.bucketRoot = bucketRoot.toAbsolutePath().normalize();
        this.mode = s3Bucket == null ? Mode.LOCAL : mode;
        this.s3Bucket = s3Bucket;
    }

    public Mode mode() {
        return mode;
    }

    public Path bucketRoot() {
        return bucketRoot;
    }

    /** Where videos come from, for the start-up log. */
    public String describe(String s3Endpoint) {
        return switch (mode) {
            case LOCAL -> "local files under " + bucketRoot + (Files.isDirectory(bucketRoot) ? "" : " (missing)");
            case AUTO -> "local files under " + bucketRoot + ", else bucket " + s3Bucket + " at " + s3Endpoint;
            case S3 -> "bucket " + s3Bucket + " at " + s3Endpoint + " only";
        };
    }

    /**
     * Where {@code savepath} is: a {@link LocalVideo}, or an {@link S3Object} still to be checked
     * (see SourceRoutes). Nothing is opened. {@code requestId} only labels the log line.
     */
    public VideoLocation locate(String savepath, String requestId) {
        Path candidate = candidate(savepath);
        if (mode == Mode.S3) {
            return inS3(candidate, savepath, requestId, "audio.source=s3");
        }
        Path real = realPathInBucket(candidate, savepath);
        if (real != null && Files.isRegularFile(real)) {
            LOG.info("[{}] resolved {} -> {}", requestId, savepath, real);
            return new LocalVideo(savepath, real);
        }
        boolean minioObject = real != null && Files.isRegularFile(real.resolve("xl.meta"));
        if (mode == Mode.AUTO) {
            return inS3(candidate, savepath, requestId, minioObject ? "a MinIO object folder on disk" : "not on disk");
        }
        if (minioObject) {
            throw ApiException.notFound("video not found", printable(savepath) + " is a MinIO object folder (xl.meta), which"
                    + " cannot be read from disk; configure audio.s3.endpoint to read it through the S3 API");
        }
        if (!Files.isDirectory(bucketRoot)) {
            throw ApiException.notFound("video not found", "no video at " + printable(savepath) + ": this node has no bucket"
                    + " folder at all (audio.minio-data-path and audio.bucket-name name a folder that does not exist)");
        }
        throw noSuchVideo(savepath);
    }

    /** A local file's real path (tests and the path rules on their own); 404 when there is no such file. */
    Path resolveFile(String savepath) {
        Path real = realPathInBucket(candidate(savepath), savepath);
        if (real == null || !Files.isRegularFile(real)) {
            throw noSuchVideo(savepath);
        }
        return real;
    }

    private S3Object inS3(Path candidate, String savepath, String requestId, String why) {
        String key = bucketRoot.relativize(candidate).toString().replace('\\', '/');
        LOG.info("[{}] resolved {} -> s3://{}/{} ({})", requestId, savepath, s3Bucket, key, why);
        return new S3Object(s3Bucket, key, savepath, -1);
    }

    /** The normalised path under the bucket root; 400 for anything that is refused by its text alone. */
    private Path candidate(String savepath) {
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
        if (!candidate.startsWith(bucketRoot) || candidate.equals(bucketRoot)) {
            throw refused(savepath, candidate.equals(bucketRoot) ? "it names the bucket itself" : "it leaves the bucket");
        }
        return candidate;
    }

    /** The real path (symlinks resolved), which must stay in the bucket (else 400); null when nothing is there. */
    private Path realPathInBucket(Path candidate, String savepath) {
        Path real;
        Path realRoot;
        try {
            real = candidate.toRealPath();
            realRoot = bucketRoot.toRealPath();
        } catch (NoSuchFileException e) {
            return null;
        } catch (AccessDeniedException e) {
            throw ApiException.internal("video not readable", "the service may not read " + printable(savepath));
        } catch (IOException e) {
            throw ApiException.internal("video not readable", e.getClass().getSimpleName() + " on " + printable(savepath));
        }
        if (!real.startsWith(realRoot)) {
            throw refused(savepath, "it resolves (through a link) to a file outside the bucket");
        }
        return real;
    }

    static ApiException refused(String savepath, String why) {
        return ApiException.badRequest("invalid savepath", printable(savepath) + " is refused: " + why);
    }

    static ApiException noSuchVideo(String savepath) {
        return ApiException.notFound("video not found", "no video at " + printable(savepath) + " in the bucket");
    }

    /** The path as it may appear in a message: quoted, control characters shown as escapes, long ones shortened. */
    private static String printable(String savepath) {
        return "'" + RelativePaths.printable(savepath) + "'";
    }
}
