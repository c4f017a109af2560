package com.audioextraction.source;

import java.nio.file.Files;
import java.nio.file.Path;

import com.audioextraction.ApiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The path rules on their own: what resolves, what is refused (400) and what is missing (404). */
class SourceResolverTest {

    @TempDir
    Path data;
    private SourceResolver resolver;
    private Path bucket;

    @BeforeEach
    void layout() throws Exception {
        bucket = Files.createDirectories(data.resolve("videos"));
        Files.createDirectories(bucket.resolve("a"));
        Files.writeString(bucket.resolve("a/video.mp4"), "x");
        Files.createDirectories(data.resolve("videos-private"));
        Files.writeString(data.resolve("videos-private/secret.mp4"), "x");
        Files.createSymbolicLink(bucket.resolve("a/inside-link.mp4"), Path.of("video.mp4"));
        Files.createSymbolicLink(bucket.resolve("a/outside-link.mp4"), data.resolve("videos-private/secret.mp4"));
        resolver = new SourceResolver(bucket);
    }

    @Test
    void resolvesAFileInsideTheBucketToItsRealPath() throws Exception {
        assertEquals(bucket.resolve("a/video.mp4").toRealPath(), resolver.resolveFile("a/video.mp4"));
        assertEquals(bucket.resolve("a/video.mp4").toRealPath(), resolver.resolveFile("a/inside-link.mp4"));
    }

    @Test
    void refusesASiblingFolderThatSharesTheBucketsNamePrefix() {
        // "videos-private" starts with "videos": a string prefix check would let it through
        assertStatus(400, "../videos-private/secret.mp4");
    }

    @Test
    void refusesLinksThatLeaveTheBucket() {
        assertStatus(400, "a/outside-link.mp4");
    }

    @Test
    void refusesAbsoluteBackslashNulAndDotDotPaths() {
        assertStatus(400, "/a/video.mp4");
        assertStatus(400, "a\\video.mp4");
        assertStatus(400, "a/video.mp4\u0000");
        assertStatus(400, "a/../a/video.mp4");
    }

    @Test
    void answers404ForMissingFilesAndFolders() {
        assertStatus(404, "a/missing.mp4");
        assertStatus(404, "a");
        assertStatus(404, "missing/dir/video.mp4");
    }

    private void assertStatus(int status, String savepath) {
        ApiException e = assertThrows(ApiException.class, () -> resolver.resolveFile(savepath));
        assertEquals(status, e.status(), e.getMessage());
    }
}
