package com.audioextraction.source;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

import com.audioextraction.ApiException;
import com.audioextraction.StartupFailure;
import com.audioextraction.ffmpeg.InputPolicy;

/**
 * Opens a local video so that what was checked is exactly what ffprobe and ffmpeg read.
 * <p>
 * The path was checked when the request arrived, but a file in the bucket can be swapped for a
 * link to somewhere else between that check and the moment a tool opens it. So the service opens
 * the file once itself, asks the kernel what it really opened (the link {@code /proc/self/fd/N}
 * names it), refuses it unless that is a regular file under the bucket root, and hands the tools
 * {@code /proc/<pid>/fd/N}: opening that gives them the very same file, whatever the path names by
 * then. The descriptor is found through a position no other descriptor has (its
 * {@code /proc/self/fdinfo} entry), so no reflection into the JDK is needed. Linux only.
 */
public class LocalFileOpener {

    private static final Path FD = Path.of("/proc/self/fd");
    private static final Path FDINFO = Path.of("/proc/self/fdinfo");
    private static final long PID = ProcessHandle.current().pid();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path bucketRoot;
    private final InputPolicy policy;

    public LocalFileOpener(Path bucketRoot, InputPolicy policy) {
        this.bucketRoot = bucketRoot;
        this.policy = policy;
    }

    /** Fails start-up on a system where the service cannot see its own descriptors. */
    public static void checkSupported() {
        try (FileChannel channel = FileChannel.open(Path.of(System.getProperty("java.home"), "release"), StandardOpenOption.READ)) {
            descriptorOf(channel);
        } catch (IOException | IllegalStateException e) {
            throw new StartupFailure("the service needs Linux's /proc/self/fd to open videos safely: " + e.getMessage());
        }
    }

    public Source open(LocalVideo video) {
        FileChannel channel;
        try {
            channel = FileChannel.open(video.realPath(), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw SourceResolver.noSuchVideo(video.savepath());
        } catch (IOException e) {
            throw ApiException.internal("video not readable", e.getClass().getSimpleName() + " on " + video.savepath());
        }
        try {
            int fd = descriptorOf(channel);
            Path opened = Files.readSymbolicLink(FD.resolve(String.valueOf(fd)));
            if (!opened.startsWith(bucketRoot.toRealPath()) || !Files.isRegularFile(FD.resolve(String.valueOf(fd)))) {
                throw SourceResolver.refused(video.savepath(), "it was replaced by a link or something else than a file");
            }
            return new Source("file:/proc/" + PID + "/fd/" + fd, policy.localFile(), opened.toString(), channel.size(), channel);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.internal("video not readable", e.getClass().getSimpleName() + " on " + video.savepath());
        }
    }

    /** The descriptor number of {@code channel}: the one whose position is the marker just set. */
    private static int descriptorOf(FileChannel channel) throws IOException {
        // 1 TiB + up to 1 TiB: far past any video's end, yet below every filesystem's largest offset (ext4: 16 TiB)
        long marker = (1L << 40) + (RANDOM.nextLong() >>> 24);
        channel.position(marker);
        String wanted = "pos:\t" + marker;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(FDINFO)) {
            for (Path entry : entries) {
                try {
                    if (Files.readString(entry).startsWith(wanted + "\n")) {
                        return Integer.parseInt(entry.getFileName().toString());
                    }
                } catch (IOException e) {
                    // closed meanwhile by another thread: not ours
                }
            }
        } finally {
            channel.position(0);
        }
        throw new IllegalStateException("no entry in " + FDINFO + " has the descriptor's position");
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was read
        }
    }
}
