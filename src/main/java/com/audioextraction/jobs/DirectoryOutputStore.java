package com.audioextraction.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.stream.Stream;

import com.audioextraction.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Job output in a directory: written to a hidden {@code .<name>.part-<uuid>} file beside the target,
 * then renamed over it atomically, so nobody ever sees a partial file. Leftover part files (a crash
 * mid-job) are removed at start; the job itself is delivered again by the broker.
 */
public class DirectoryOutputStore implements OutputStore {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryOutputStore.class);
    private static final String PART = ".part-";

    private final Path root;

    public DirectoryOutputStore(Path root) throws IOException {
        this.root = Files.createDirectories(root.toAbsolutePath().normalize());
        removeLeftovers();
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public Stored store(String key, InputStream audio, Completion complete) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling("." + target.getFileName() + PART + UUID.randomUUID());
        try {
            long bytes;
            try (OutputStream out = Files.newOutputStream(part)) {
                bytes = audio.transferTo(out);
            }
            complete.check();
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the output directory cannot rename atomically: " + root, e);
            }
            return new Stored(target.toString(), bytes);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    @Override
    public String checkKey(String key) {
        return OutputKeys.check(key);
    }

    /** The file for a key, which must stay under the root (a job's output_key is user input). */
    Path resolve(String key) {
        Path target = root.resolve(OutputKeys.check(key)).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw ApiException.badRequest("invalid output_key", "'" + key + "' leaves the output directory");
        }
        return target;
    }

    private void removeLeftovers() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.getFileName().toString().startsWith(".") && p.getFileName().toString().contains(PART))
                    .forEach(p -> {
                        try {
                            Files.deleteIfExists(p);
                            LOG.info("removed the partial output {} of an interrupted job", p);
                        } catch (IOException e) {
                            LOG.warn("cannot remove partial output {}: {}", p, e.getMessage());
                        }
                    });
        }
    }
}
