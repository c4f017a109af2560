package com.audioextraction.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several instances share one output directory: at start an instance removes what crashed writers
 * left, never a part file another live instance is writing.
 */
class DirectoryOutputStoreTest {

    @TempDir
    Path root;

    private Path part(String owner) throws IOException {
        return Files.writeString(root.resolve(".a.pcm.part-" + owner + "-" + UUID.randomUUID()), "partial");
    }

    @Test
    void removesOnlyThePartFilesOfWritersThatAreGone() throws IOException {
        OutputStore.PendingOutput mine = new DirectoryOutputStore(root).reserve("a.pcm");
        String owner = mine.file().getFileName().toString().replaceAll("^\\.a\\.pcm\\.part-(.*)-[0-9a-f-]{36}$", "$1");
        String host = owner.substring(0, owner.lastIndexOf('.'));
        assertEquals(host + "." + ProcessHandle.current().pid(), owner, "a part file names its writer");

        Path live = Files.writeString(mine.file(), "being written");
        Path crashedHere = part(host + "." + deadPid());
        Path otherHost = part("other-host.4242");
        Path otherHostLongAgo = part("other-host.4243");
        Files.setLastModifiedTime(otherHostLongAgo, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path legacy = Files.writeString(root.resolve(".a.pcm.part-" + UUID.randomUUID()), "partial");

        new DirectoryOutputStore(root); // another instance starting on the same directory
        assertTrue(Files.exists(live), "the part file of a live writer stays");
        assertTrue(Files.exists(otherHost), "a recent part file of another host stays: its writer may be alive");
        assertFalse(Files.exists(crashedHere), "a crashed writer's part file goes");
        assertFalse(Files.exists(otherHostLongAgo), "a part file untouched for a day goes");
        assertFalse(Files.exists(legacy), "a part file that names no writer goes");
    }

    /** The pid of a process that has ended. */
    private static long deadPid() throws IOException {
        Process process = new ProcessBuilder("true").start();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return process.pid();
    }
}
