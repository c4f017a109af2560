package com.audioextraction.limits;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.ServiceTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /probe has a bound of its own (audio.max-concurrent-probes), and a probe that does not finish
 * says it timed out. Slow storage cannot be made for real on loopback, so ffprobe is a wrapper that
 * waits as long as the file {@code probe-delay} says, then runs the real ffprobe.
 */
class ProbeLimitsTest extends ServiceTestSupport {

    private static final Path WORK = Path.of("target", "probe-limits").toAbsolutePath();
    private static final Path DELAY = WORK.resolve("probe-delay");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void overrideProperties(Properties properties) {
        try {
            Files.createDirectories(WORK);
            Path wrapper = WORK.resolve("slow-ffprobe");
            Files.writeString(wrapper, "#!/bin/sh\nsleep \"$(cat " + DELAY + ")\"\nexec ffprobe \"$@\"\n");
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(DELAY, "0");
            properties.put("audio.ffprobe-path", wrapper.toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        properties.put("audio.max-concurrent-probes", "2");
        properties.put("audio.max-queued-requests", "2");
        properties.put("audio.queue-timeout", "1s");
        properties.put("audio.probe-timeout", "2s");
    }

    @Test
    void atMostTheBoundRunsAtOnceAndTheRestGet503WithRetryAfter() throws Exception {
        Files.writeString(DELAY, "1");
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger most = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                most.accumulateAndGet(ffmpegProcesses().running(), Math::max);
                Thread.onSpinWait();
            }
        });
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try {
            sampler.start();
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(clients.submit(() -> {
                    HttpResponse<String> response = probe(MediaFixtures.TV);
                    statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                    if (response.statusCode() == 503) {
                        assertTrue(response.headers().firstValue("Retry-After").isPresent(), response.headers().toString());
                        assertEquals("service saturated", JSON.readTree(response.body()).path("error").asText());
                    }
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            done.set(true);
            sampler.join();
            clients.shutdown();
            Files.writeString(DELAY, "0");
        }
        assertTrue(most.get() <= 2, "probes running at once: " + most.get());
        assertTrue(statuses.getOrDefault(200, new AtomicInteger()).get() >= 2, statuses.toString());
        assertTrue(statuses.getOrDefault(503, new AtomicInteger()).get() >= 1, statuses.toString());
        assertEquals(12, statuses.values().stream().mapToInt(AtomicInteger::get).sum(), statuses.toString());
    }

    @Test
    void aProbeThatDoesNotFinishInTimeSaysSo() throws Exception {
        Files.writeString(DELAY, "5");
        try {
            HttpResponse<String> response = probe(MediaFixtures.TV);
            assertEquals(504, response.statusCode(), response.body());
            JsonNode error = JSON.readTree(response.body());
            assertEquals("probe timed out", error.path("error").asText());
            assertTrue(error.path("detail").asText().contains("within 2 s"), response.body());
        } finally {
            Files.writeString(DELAY, "0");
        }
        assertEquals(0, awaitNoRunningExtractions(2000), "the timed-out probe was not killed");
    }

    private HttpResponse<String> probe(String savepath) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/probe?savepath=" + savepath)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
