package com.audioextraction.jobs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.ServiceProcess;
import com.audioextraction.testsupport.ServiceTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scale-out: two service instances and one standalone Apache Artemis broker (the distribution,
 * created with `artemis create` and run as its own process, as docs/operations.md describes) share
 * one job queue and one output directory. Every job runs to its end exactly once with one output;
 * both instances take work; an instance killed with SIGKILL in the middle of a job loses nothing:
 * the broker gives the job to the other instance.
 */
class ScaleOutTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "audio";
    private static final String PASSWORD = "scale-out-secret";
    private static final int JOBS = 40;
    /** Jobs long enough (a five-minute video to MP3, seconds of work) to kill an instance in the middle of one. */
    private static final List<Integer> LONG_JOBS = List.of(10, 11);
    private static final Pattern STARTED = Pattern.compile("\\[(job-\\d+)\\] ffmpeg pid \\d+ started");

    @TempDir
    Path work;

    private final List<Process> processes = new ArrayList<>();
    private final List<ServiceProcess> services = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        services.forEach(ServiceProcess::close);
        for (Process process : processes) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void twoInstancesShareTheQueueAndAKilledInstancesJobFinishesOnTheOther() throws Exception {
        int brokerPort = ServiceTestSupport.freePort();
        startStandaloneBroker(brokerPort);
        Path output = Files.createDirectories(work.resolve("shared-output"));
        ServiceProcess a = startInstance("a", brokerPort, output);
        ServiceProcess b = startInstance("b", brokerPort, output);
        a.awaitListening();
        b.awaitListening();

        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort, USER, PASSWORD);
                JMSContext jms = factory.createContext()) {
            JMSConsumer results = jms.createConsumer(jms.createQueue("audio.results"));
            assertEquals(202, submit(b, jobs()).statusCode());

            // run until both instances have finished jobs and one of them is in the middle of a long one: kill that one
            Map<String, JsonNode> done = new HashMap<>();
            List<JsonNode> all = new ArrayList<>();
            ServiceProcess killed = null;
            String interrupted = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (done.size() < JOBS && System.nanoTime() < deadline) {
                Message message = results.receive(200);
                if (message != null) {
                    JsonNode result = JSON.readTree(message.getBody(String.class));
                    all.add(result);
                    assertEquals("done", result.path("status").asText(), result.toString());
                    done.put(result.path("id").asText(), result);
                }
                if (killed == null && nodes(done).size() == 2) {
                    for (ServiceProcess instance : List.of(a, b)) {
                        String running = runningLongJob(instance, done);
                        if (running != null) {
                            instance.process().destroyForcibly(); // SIGKILL: no shutdown, no rollback of its own
                            assertTrue(instance.process().waitFor(10, TimeUnit.SECONDS));
                            killed = instance;
                            interrupted = running;
                            break;
                        }
                    }
                }
            }
            assertNotNull(killed, "no instance was caught in the middle of a long job");
            assertEquals(JOBS, done.size(), "jobs done: " + done.keySet());
            assertTrue(results.receive(1000) == null, "a job ran to its end twice");
            assertEquals(JOBS, all.size(), "one result per job");

            ServiceProcess survivor = killed == a ? b : a;
            String survivorNode = killed == a ? "b" : "a";
            assertEquals(Map.of("a", true, "b", true), Map.of("a", nodes(done).contains("a"), "b", nodes(done).contains("b")),
                    "both instances finished jobs");
            assertEquals(survivorNode, done.get(interrupted).path("node").asText(),
                    "the job the killed instance was running finished on the other one");
            assertTrue(survivor.log().contains("[" + interrupted + "] ffmpeg exit 0"), survivor.log());

            // one output per job, complete; the killed instance's part file is all it left
            for (int i = 0; i < JOBS; i++) {
                Path file = output.resolve("out/job-" + i + (LONG_JOBS.contains(i) ? ".mp3" : ".pcm"));
                assertTrue(Files.size(file) > 0, file.toString());
            }
            assertEquals(10.0, Files.size(output.resolve("out/job-0.pcm")) / 32_000.0, 0.05, "10 s of 16 kHz mono");
            String killedPid = "." + killed.process().pid() + "-";
            try (Stream<Path> files = Files.list(output.resolve("out"))) {
                List<String> parts = files.map(p -> p.getFileName().toString()).filter(n -> n.contains(".part-")).toList();
                assertTrue(parts.size() <= 1 && parts.stream().allMatch(n -> n.contains(killedPid)),
                        "part files: " + parts);
            }
            new DirectoryOutputStore(output); // an instance (re)starting on the directory clears the dead one's part file
            try (Stream<Path> files = Files.list(output.resolve("out"))) {
                assertFalse(files.anyMatch(p -> p.getFileName().toString().contains(".part-")));
            }
        }
    }

    /** The Artemis distribution unpacked by the build: `artemis create` an instance, then `artemis run` it. */
    private void startStandaloneBroker(int port) throws Exception {
        Path home = Path.of("target", "artemis", "apache-artemis-2.40.0").toAbsolutePath();
        assertTrue(Files.isExecutable(home.resolve("bin/artemis")), "the build unpacks the Artemis distribution into " + home);
        Path instance = work.resolve("broker");
        Process create = artemis(home.resolve("bin/artemis"), work.resolve("create.log"), "create", instance.toString(),
                "--user", USER, "--password", PASSWORD, "--require-login", "--host", "127.0.0.1",
                "--default-port", String.valueOf(port), "--no-web", "--no-amqp-acceptor", "--no-mqtt-acceptor",
                "--no-stomp-acceptor", "--no-hornetq-acceptor", "--no-autotune", "--silent");
        assertTrue(create.waitFor(120, TimeUnit.SECONDS), "artemis create did not finish");
        assertEquals(0, create.exitValue(), Files.readString(work.resolve("create.log")));
        Process broker = artemis(instance.resolve("bin/artemis"), work.resolve("broker.log"), "run");
        processes.add(broker);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                assertTrue(broker.isAlive(), Files.readString(work.resolve("broker.log")));
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the broker did not open port " + port + ":\n" + Files.readString(work.resolve("broker.log")));
    }

    private static Process artemis(Path script, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start();
    }

    private ServiceProcess startInstance(String node, int brokerPort, Path output) throws IOException {
        ServiceProcess service = ServiceProcess.start(work.resolve("instance-" + node), List.of(
                "-Daudio.broker.embedded=false", "-Daudio.broker.url=tcp://127.0.0.1:" + brokerPort,
                "-Daudio.broker.user=" + USER, "-Daudio.broker.password=" + PASSWORD,
                "-Daudio.jobs.output-dir=" + output, "-Daudio.node-name=" + node));
        services.add(service);
        return service;
    }

    /** 40 jobs on the 10 s fixture to 16 kHz PCM, two of them on the five-minute one to MP3. */
    private static String jobs() throws IOException {
        List<Map<String, String>> jobs = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            boolean long_ = LONG_JOBS.contains(i);
            jobs.add(Map.of("id", "job-" + i, "savepath", long_ ? MediaFixtures.LONG : MediaFixtures.TV,
                    "audio_format", long_ ? "mp3" : "pcm", "output_key", "out/job-" + i + (long_ ? ".mp3" : ".pcm")));
        }
        return JSON.writeValueAsString(jobs);
    }

    private static HttpResponse<String> submit(ServiceProcess service, String body) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/jobs"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Set<String> nodes(Map<String, JsonNode> done) {
        Set<String> nodes = new HashSet<>();
        done.values().forEach(result -> nodes.add(result.path("node").asText()));
        return nodes;
    }

    /** A long job the instance has started ffmpeg for and whose ffmpeg has not ended, or null. */
    private static String runningLongJob(ServiceProcess instance, Map<String, JsonNode> done) throws IOException {
        String log = instance.log();
        Matcher started = STARTED.matcher(log);
        String running = null;
        while (started.find()) {
            String id = started.group(1);
            if (LONG_JOBS.contains(Integer.parseInt(id.substring(4))) && !done.containsKey(id)
                    && !log.contains("[" + id + "] ffmpeg exit")) {
                running = id;
            }
        }
        return running;
    }
}
