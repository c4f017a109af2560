package com.audioextraction.limits;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.ServiceTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hundred and twenty mixed requests from more clients than there are slots: every format, segments and
 * tracks, clients that hang up early, bad requests. Each gets audio, its error, or a fast 503; at
 * the end nothing is left: no ffmpeg, no slot, no file descriptor, no temp file, no heap growth.
 */
class SoakTest extends ServiceTestSupport {

    private static final int REQUESTS = 120;
    private static final int CLIENTS = 6;
    private static final Set<Integer> EXPECTED = Set.of(200, 400, 404, 422, 503);

    @Override
    protected void overrideProperties(java.util.Properties properties) {
        properties.put("audio.http.idle-timeout", "2s");
    }

    @Test
    void mixedLoadEndsWithNothingLeaked() throws Exception {
        warmUp();
        long fdsBefore = openFileDescriptors();
        List<String> tempBefore = tempFiles();
        List<String> openTempBefore = openTempFiles();
        long heapBefore = usedHeapAfterGc();

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger hangUps = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            int n = i;
            work.add(clients.submit(() -> {
                if (n % 10 == 3) {
                    hangUpEarly();
                    hangUps.incrementAndGet();
                    return null;
                }
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri(request(n)))
                        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
                statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                assertTrue(EXPECTED.contains(response.statusCode()), request(n) + " -> " + response.statusCode());
                if (response.statusCode() == 200 && request(n).startsWith("/probe")) {
                    assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains("\"audio_streams\""));
                } else if (response.statusCode() == 200) {
                    assertTrue(response.body().length > 1000, request(n) + " sent only " + response.body().length + " bytes");
                } else {
                    assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(null));
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get(5, TimeUnit.MINUTES);
        }
        clients.shutdown();

        assertTrue(statuses.getOrDefault(200, new AtomicInteger()).get() > REQUESTS / 2, statuses.toString());
        assertEquals(0, awaitNoFfmpegChildren(3000), "ffmpeg processes left");
        assertEquals(0, awaitNoRunningExtractions(3000));
        ExtractionSlots slots = context.getRegistry().lookupByNameAndType("extractionSlots", ExtractionSlots.class);
        assertEquals(0, slots.inUse(), "slots still taken");
        assertEquals(0, slots.queued());
        Thread.sleep(3000); // the clients' kept-alive connections reach the idle timeout and close
        long fdsAfter = openFileDescriptors();
        assertTrue(fdsAfter <= fdsBefore + 8, "file descriptors: " + fdsBefore + " before, " + fdsAfter + " after");
        assertEquals(tempBefore, tempFiles(), "files appeared in the service's temp folder");
        assertEquals(openTempBefore, openTempFiles(), "temp files left open");
        long heapAfter = usedHeapAfterGc();
        assertTrue(heapAfter < heapBefore + 32 * 1024 * 1024, "heap grew from " + heapBefore / 1_048_576 + " MB to "
                + heapAfter / 1_048_576 + " MB");
        System.out.printf("soak: %d requests (%d hung up early), statuses %s; fds %d -> %d; heap %d -> %d MB%n", REQUESTS,
                hangUps.get(), statuses, fdsBefore, fdsAfter, heapBefore / 1_048_576, heapAfter / 1_048_576);
    }

    /** The mix: every format, options, a segment, the two-language file, and some bad requests. */
    private static String request(int n) {
        String[] formats = {"mp3", "wav", "flac", "pcm", "opus", "aac"};
        return switch (n % 10) {
            case 0, 1, 2 -> "/extract-audio?savepath=" + MediaFixtures.TV + "&audio_format=" + formats[n % formats.length];
            case 4 -> "/extract-audio?savepath=" + MediaFixtures.TWO_LANGUAGES + "&audio_format=pcm&language=eng&start=1&duration=3";
            case 5 -> "/extract-audio?savepath=" + MediaFixtures.TV + "&audio_format=mp3&bitrate=64k&sample_rate=16000";
            case 6 -> "/extract-audio?savepath=../secret/secret.mp4";
            case 7 -> "/extract-audio?savepath=tv/missing.mp4";
            case 8 -> "/extract-audio?savepath=" + MediaFixtures.NOT_MEDIA;
            default -> "/probe?savepath=" + MediaFixtures.TWO_LANGUAGES;
        };
    }

    private void hangUpEarly() throws IOException {
        try (Socket socket = rawGet(MediaFixtures.LONG, "wav")) {
            socket.getInputStream().read(new byte[16 * 1024]);
        }
    }

    private void warmUp() throws Exception {
        for (int i = 0; i < 6; i++) {
            http.send(HttpRequest.newBuilder(uri(request(i))).build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    private static long openFileDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    /** What is in the service's own temp folder (audio.temp-dir): nobody else writes there. */
    private List<String> tempFiles() {
        String[] names = tempDir().toFile().list();
        return names == null ? List.of() : Stream.of(names).sorted().toList();
    }

    /** Files under the system's or the service's temp folder that this JVM holds open. */
    private List<String> openTempFiles() throws IOException {
        String systemTemp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath().toString();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    return ""; // closed meanwhile
                }
            }).filter(target -> target.startsWith(systemTemp + "/") || target.startsWith(tempDir().toString()))
                    .sorted().toList();
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
