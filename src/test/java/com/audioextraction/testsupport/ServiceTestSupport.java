package com.audioextraction.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import com.audioextraction.Application;
import com.audioextraction.ffmpeg.FfmpegProcesses;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs the real application (Camel Main as the jar starts it, with the packaged
 * application.properties) on a free loopback port against the generated media, once per test
 * class, and talks to it over real HTTP. (camel-test-main-junit5's support class does not start
 * the camel.server HTTP server, so the test drives Main itself.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceTestSupport {

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port = freePort();
    private Main main;
    protected CamelContext context;

    @BeforeAll
    protected void startService() throws Exception {
        main = new Main(Application.class);
        settings().forEach((key, value) -> main.addOverrideProperty((String) key, (String) value));
        main.start();
        context = main.getCamelContext();
    }

    @AfterAll
    protected void stopService() throws Exception {
        if (main != null) {
            main.stop();
            main = null;
        }
    }

    private Properties settings() {
        Properties properties = new Properties();
        properties.put("camel.server.host", "127.0.0.1");
        properties.put("camel.server.port", String.valueOf(port));
        properties.put("audio.minio-data-path", MediaFixtures.dataPath().toString());
        properties.put("audio.bucket-name", MediaFixtures.BUCKET);
        properties.put("audio.jobs.enabled", "false"); // the job tests turn the broker on
        properties.put("audio.max-concurrent-extractions", "2");
        properties.put("audio.temp-dir", tempDir().toString());
        // never the quick-start service's ./data or ports, should one run in the same folder
        Path own = Path.of("target", "service-data", getClass().getSimpleName()).toAbsolutePath();
        properties.put("audio.jobs.output-dir", own.resolve("audio").toString());
        properties.put("audio.broker.data-dir", own.resolve("broker").toString());
        properties.put("audio.broker.port", String.valueOf(freePort()));
        overrideProperties(properties);
        return properties;
    }

    /** The service's own temporary folder (audio.temp-dir), one per test class: nothing else writes there. */
    protected Path tempDir() {
        return Path.of("target", "service-tmp", getClass().getSimpleName()).toAbsolutePath();
    }

    /** Test classes add or change settings here. */
    protected void overrideProperties(Properties properties) {
    }

    protected URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    protected int port() {
        return port;
    }

    protected HttpResponse<byte[]> postJson(String json) throws IOException, InterruptedException {
        return post(json, "application/json");
    }

    protected HttpResponse<byte[]> post(String body, String contentType) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/extract-audio"))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    protected HttpResponse<byte[]> get(String savepath, String format) throws IOException, InterruptedException {
        String query = "savepath=" + URLEncoder.encode(savepath, StandardCharsets.UTF_8)
                + (format == null ? "" : "&audio_format=" + format);
        return http.send(HttpRequest.newBuilder(uri("/extract-audio?" + query)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    protected static String json(String savepath, String format) {
        com.fasterxml.jackson.databind.node.ObjectNode json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        json.put("savepath", savepath);
        if (format != null) {
            json.put("audio_format", format);
        }
        return json.toString();
    }

    protected static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /**
     * A GET on a plain socket, so the test decides exactly when to read and when to hang up; returns
     * once the first bytes of the answer arrived.
     */
    protected java.net.Socket rawGet(String savepath, String format) throws IOException {
        java.net.Socket socket = new java.net.Socket("127.0.0.1", port);
        socket.getOutputStream().write(("GET /extract-audio?savepath=" + savepath + "&audio_format=" + format + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        if (socket.getInputStream().read(new byte[1024]) <= 0) {
            throw new IOException("no answer to GET " + savepath);
        }
        return socket;
    }

    /**
     * Readiness once it answers {@code status} (health answers from checks at most a quarter second
     * old, so a change shows on a later call), or the last answer after 5 s.
     */
    protected HttpResponse<String> awaitReadiness(int status) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        HttpResponse<String> ready;
        do {
            ready = http.send(HttpRequest.newBuilder(uri("/observe/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
            if (ready.statusCode() == status) {
                return ready;
            }
            Thread.sleep(100);
        } while (System.currentTimeMillis() < deadline);
        return ready;
    }

    protected FfmpegProcesses ffmpegProcesses() {
        return context.getRegistry().lookupByNameAndType("ffmpegProcesses", FfmpegProcesses.class);
    }

    /** ffmpeg processes that are children of this JVM: none may outlive a request. */
    protected static long ffmpegChildren() {
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("ffmpeg")).orElse(false))
                .count();
    }

    /** Waits up to {@code millis} for every ffmpeg child to be gone; returns how many are left. */
    protected static long awaitNoFfmpegChildren(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        long left = ffmpegChildren();
        while (left > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            left = ffmpegChildren();
        }
        return left;
    }

    /** Waits up to {@code millis} for the service's registry of running ffmpegs to be empty; returns its count. */
    protected int awaitNoRunningExtractions(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (ffmpegProcesses().running() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        return ffmpegProcesses().running();
    }

    /** A loopback port nothing listens on now (for the service, its broker, or a store that is down). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
