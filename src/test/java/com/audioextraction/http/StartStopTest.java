package com.audioextraction.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.ServiceProcess;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A worker polling the service while it starts and while it stops never gets a 404 (which it would
 * read as "no such video"): before the routes are up the port is closed, while they are removed API
 * calls get 503 with Retry-After. And a node without its bucket folder says so.
 */
class StartStopTest {

    private static final Path WORK = Path.of("target", "start-stop-test").toAbsolutePath();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void noRequestMeetsAHalfStartedOrHalfStoppedService() throws Exception {
        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        try (ServiceProcess service = ServiceProcess.start(WORK.resolve("run"), List.of("-Daudio.shutdown-grace=2"))) {
            Thread poller = new Thread(() -> poll(service.port(), answers, stop), "poller");
            poller.start();
            service.awaitListening();
            awaitAnswers(answers, "200", 5);
            assertTrue(service.terminate(20), "the service did not stop");
            Thread.sleep(300);
            stop.set(true);
            poller.join();
        }
        System.out.println("answers while starting, running and stopping: " + answers);
        assertTrue(answers.containsKey("refused") && answers.containsKey("200"), answers.toString());
        assertTrue(answers.keySet().stream().allMatch(k -> k.equals("refused") || k.equals("200") || k.equals("503")),
                answers.toString());
    }

    @Test
    void aNodeWithoutItsBucketFolderSaysSoAndIsNotReady() throws Exception {
        Path empty = Files.createDirectories(WORK.resolve("empty-data"));
        try (ServiceProcess service = ServiceProcess.start(WORK.resolve("no-bucket"),
                List.of("-Daudio.minio-data-path=" + empty, "-Daudio.jobs.enabled=false")).awaitListening()) {
            String log = service.log();
            assertTrue(log.contains("WARN") && log.contains("does not exist: every request will be 404"), log);
            assertTrue(log.contains("NOT READY (bucket: "), log);
            HttpResponse<String> missing = get(service.port(), "/extract-audio?savepath=" + MediaFixtures.TV);
            assertEquals(404, missing.statusCode());
            assertTrue(missing.body().contains("this node has no bucket folder at all"), missing.body());
            assertEquals(503, get(service.port(), "/observe/health/ready").statusCode());
        }
    }

    /** Asks for a short extraction again and again, noting each answer's status (or "refused"). */
    private void poll(int port, Map<String, AtomicInteger> answers, AtomicBoolean stop) {
        while (!stop.get()) {
            String answer;
            try {
                answer = String.valueOf(get(port, "/extract-audio?savepath=" + MediaFixtures.TV + "&audio_format=aac&duration=0.2")
                        .statusCode());
            } catch (ConnectException e) {
                answer = "refused";
            } catch (IOException e) {
                answer = "refused"; // reset while the port closes
            } catch (InterruptedException e) {
                return;
            }
            answers.computeIfAbsent(answer, k -> new AtomicInteger()).incrementAndGet();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void awaitAnswers(Map<String, AtomicInteger> answers, String status, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (answers.getOrDefault(status, new AtomicInteger()).get() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
