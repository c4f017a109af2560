package com.audioextraction.security;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.Pcm;
import com.audioextraction.testsupport.ServiceTestSupport;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file in the bucket is swapped, as fast as the disk allows, between a real video (440 Hz, 10 s)
 * and a link to the canary outside the bucket (1000 Hz, 4 s), while extractions and probes of it
 * run. Each request may get the video or a refusal, never the canary: the service checks what it
 * opened and hands ffprobe and ffmpeg that very file. (Checking the path and letting the tools
 * open it by name again served the canary in about one request in five.)
 */
class SymlinkRaceTest extends ServiceTestSupport {

    private static final int EXTRACTIONS = 40;
    private static final int PROBES = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFileSwappedForALinkNeverServesWhatTheLinkPointsAt() throws Exception {
        Path dir = Files.createDirectories(MediaFixtures.bucket().resolve("race"));
        Path real = dir.resolve("real.mp4");
        Files.copy(MediaFixtures.bucket().resolve(MediaFixtures.TV), real, StandardCopyOption.REPLACE_EXISTING);
        Path swapped = dir.resolve("swapped.mp4");
        Path canary = MediaFixtures.dataPath().resolve(MediaFixtures.CANARY);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger swaps = new AtomicInteger();
        Thread swapper = new Thread(() -> swap(dir, real, canary, swapped, stop, swaps), "swapper");
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        AtomicInteger leaks = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            Files.deleteIfExists(swapped);
            Files.createLink(swapped, real);
            swapper.start();
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < EXTRACTIONS + PROBES; i++) {
                boolean probe = i % 3 == 2;
                work.add(clients.submit(() -> {
                    String what = probe ? "probe" : "extract";
                    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri(probe
                            ? "/probe?savepath=race/swapped.mp4"
                            : "/extract-audio?savepath=race/swapped.mp4&audio_format=pcm&duration=2"))
                            .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
                    outcomes.computeIfAbsent(what + " " + response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                    if (response.statusCode() == 200 && (probe ? isCanaryProbe(response.body()) : isCanaryAudio(response.body()))) {
                        leaks.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            stop.set(true);
            swapper.join();
            clients.shutdown();
        }
        System.out.printf("race: %d swaps, outcomes %s, leaks %d%n", swaps.get(), outcomes, leaks.get());
        assertEquals(0, leaks.get(), "the canary was served: " + outcomes);
        assertTrue(outcomes.keySet().stream().allMatch(k -> k.endsWith(" 200") || k.endsWith(" 400")), outcomes.toString());
        assertTrue(outcomes.getOrDefault("extract 200", new AtomicInteger()).get() > 0, "no extraction got through: " + outcomes);
        assertTrue(outcomes.getOrDefault("extract 400", new AtomicInteger()).get()
                + outcomes.getOrDefault("probe 400", new AtomicInteger()).get() > 0, "the race never hit: " + outcomes);
    }

    /** Replaces {@code swapped} atomically, in turn with a hard link to the real video and a symlink to the canary. */
    private static void swap(Path dir, Path real, Path canary, Path swapped, AtomicBoolean stop, AtomicInteger swaps) {
        try {
            for (int n = 0; !stop.get(); n++) {
                Path next = dir.resolve(".next-" + n);
                if (n % 2 == 0) {
                    Files.createSymbolicLink(next, canary);
                } else {
                    Files.createLink(next, real);
                }
                Files.move(next, swapped, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                swaps.incrementAndGet();
                Thread.sleep(0, 200_000);
            }
        } catch (Exception e) {
            if (!stop.get()) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static boolean isCanaryAudio(byte[] pcm) {
        return Math.abs(Pcm.toneHz(pcm, 16000) - MediaFixtures.CANARY_HZ) < 100;
    }

    private static boolean isCanaryProbe(byte[] json) throws Exception {
        return Math.abs(JSON.readTree(json).path("duration").asDouble() - MediaFixtures.CANARY_SECONDS) < 0.5;
    }
}
