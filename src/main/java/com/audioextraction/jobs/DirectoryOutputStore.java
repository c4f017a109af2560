package com.audioextraction.jobs;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import com.audioextraction.ApiException;
import com.audioextraction.source.RelativePaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Job output in a directory: ffmpeg writes a hidden {@code .<name>.part-<host>.<pid>-<uuid>} file
 * beside the target, which is renamed over it atomically once ffmpeg ended cleanly, so nobody ever
 * sees a partial file. Several instances may share the directory: at start an instance removes the
 * part files left by a crashed instance of its own host (whose process is gone) and any part file
 * untouched for a day, never one another instance is writing. The interrupted job itself is
 * delivered again by the broker.
 */
public class DirectoryOutputStore implements OutputStore {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryOutputStore.class);
    private static final String PART = ".part-";
    /** The host part of a part file's name (no dots: they separate host and pid). */
    private static final String HOST = HostName.VALUE.replaceAll("[^A-Za-z0-9-]", "_");
    /** Who writes a part file: this host and process, so that a crashed writer's files can be told from live ones. */
    private static final String OWNER = HOST + "." + ProcessHandle.current().pid();
    /** A part file nobody has written to for this long is a leftover whoever wrote it. */
    private static final Duration ABANDONED = Duration.ofDays(1);

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
    public PendingOutput reserve(String key) throws IOException {
        Path target = resolve(key);
        createFolders(target.getParent(), key);
        if (Files.isSymbolicLink(target)) {
            throw linkRefused(key);
        }
        return new PendingOutput(key, target.resolveSibling("." + target.getFileName() + PART + OWNER + "-" + UUID.randomUUID()));
    }

    /** Renames the written part file over its target, atomically: readers see the old file or the new one, whole. */
    @Override
    public Stored published(PendingOutput output) throws IOException {
        Path target = resolve(output.key());
        try {
            Files.move(output.file(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the output directory cannot rename atomically: " + root, e);
        }
        return new Stored(target.toString(), Files.size(target));
    }

    /** The key's syntax, and no link on its way in the output directory as it is now (checked again when storing). */
    @Override
    public String checkKey(String key) {
        String checked = OutputKeys.check(key);
        Path current = root;
        for (String name : checked.split("/")) {
            current = current.resolve(name);
            if (Files.isSymbolicLink(current)) {
                throw linkRefused(key);
            }
        }
        return checked;
    }

    /**
     * Creates the folders down to {@code folder} one by one, refusing any that is a link: a link in
     * the output directory must not lead a job's output_key (user input) outside it.
     */
    private void createFolders(Path folder, String key) throws IOException {
        Path current = root;
        for (Path name : root.relativize(folder)) {
            current = current.resolve(name);
            if (Files.isSymbolicLink(current)) {
                throw linkRefused(key);
            }
            if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createDirectory(current);
                } catch (FileAlreadyExistsException e) {
                    if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                        throw ApiException.badRequest("invalid output_key", "'" + RelativePaths.printable(key)
                                + "' needs a folder where the output directory has a file");
                    }
                }
            }
        }
        if (!folder.toRealPath().startsWith(root.toRealPath())) {
            throw linkRefused(key);
        }
    }

    private static ApiException linkRefused(String key) {
        return ApiException.badRequest("invalid output_key", "'" + RelativePaths.printable(key)
                + "' leads through a link in the output directory; links are refused there");
    }

    /** The file for a key, which must stay under the root (a job's output_key is user input). */
    Path resolve(String key) {
        Path target = root.resolve(OutputKeys.check(key)).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw ApiException.badRequest("invalid output_key", "'" + RelativePaths.printable(key) + "' leaves the output directory");
        }
        return target;
    }

    private void removeLeftovers() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(DirectoryOutputStore::isLeftover).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                    LOG.info("removed the partial output {} of an interrupted job", p);
                } catch (IOException e) {
                    LOG.warn("cannot remove partial output {}: {}", p, e.getMessage());
                }
            });
        }
    }

    /**
     * A part file whose writer is gone: written on this host by a process that no longer runs, or not
     * written to for a day (a writer on another host that died). Part files of live writers stay.
     */
    static boolean isLeftover(Path file) {
        String name = file.getFileName().toString();
        int part = name.lastIndexOf(PART);
        if (!name.startsWith(".") || part < 0) {
            return false;
        }
        try {
            if (Files.getLastModifiedTime(file).toInstant().isBefore(Instant.now().minus(ABANDONED))) {
                return true;
            }
        } catch (IOException e) {
            return false; // gone already
        }
        String owner = name.substring(part + PART.length());
        int uuid = owner.length() - 37; // "-" and a UUID
        int dot = uuid > 0 ? owner.lastIndexOf('.', uuid) : -1;
        if (dot < 0) {
            return true; // written before part files named their writer
        }
        String host = owner.substring(0, dot);
        try {
            long pid = Long.parseLong(owner.substring(dot + 1, uuid));
            return host.equals(HOST) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
