package com.audioextraction;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.audioextraction.testsupport.AudioProbe;
import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.ServiceTestSupport;
import org.apache.camel.util.FileUtil;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The routes under the Camel CLI: exactly the `camel run` command docs/camel-cli.md gives (through cli/camel,
 * which runs Camel JBang 4.17.0's main without JBang), with only the route and helper sources on
 * its command line (none of this build's classes on its classpath), serving the same API.
 */
class CamelCliTest {

    private static final Path WORK = Path.of("target", "camel-cli-test").toAbsolutePath();
    /** The command docs/camel-cli.md gives, from the project root. */
    static final String COMMAND = "cli/camel run application.properties routes/com/audioextraction/routes/*.java"
            + " $(find src/main/java -name '*.java')";

    @Test
    void theDocumentedCommandIsTheOneTested() throws Exception {
        assertTrue(Files.readString(Path.of("docs", "camel-cli.md")).contains(COMMAND.replace("cli/camel ", "camel ")),
                "docs/camel-cli.md no longer gives: " + COMMAND);
    }

    @Test
    void theRoutesServeTheApiUnderCamelRun() throws Exception {
        FileUtil.removeDir(WORK.toFile());
        Files.createDirectories(WORK);
        int port = ServiceTestSupport.freePort();
        String overrides = " --prop=camel.server.host=127.0.0.1 --prop=camel.server.port=" + port
                + " --prop=audio.minio-data-path=" + MediaFixtures.dataPath()
                + " --prop=audio.broker.port=" + ServiceTestSupport.freePort()
                + " --prop=audio.broker.data-dir=" + WORK.resolve("broker")
                + " --prop=audio.jobs.output-dir=" + WORK.resolve("audio");
        Process cli = new ProcessBuilder("bash", "-c", COMMAND + overrides).redirectErrorStream(true)
                .redirectOutput(WORK.resolve("camel-run.log").toFile()).start();
        try {
            awaitReady(WORK.resolve("camel-run.log"), cli);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<byte[]> pcm = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/extract-audio?savepath=" + MediaFixtures.TV + "&audio_format=pcm")).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, pcm.statusCode());
            assertEquals(MediaFixtures.TV_SECONDS * 16000 * 2, pcm.body().length, 0.05 * 16000 * 2);

            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/extract-audio?savepath=../secret/secret.mp4")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("\"invalid savepath\""), refused.body());

            HttpResponse<String> job = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/jobs"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"cli\", \"savepath\": \"" + MediaFixtures.MOOV_AT_END
                            + "\", \"audio_format\": \"flac\", \"output_key\": \"cli.flac\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(202, job.statusCode(), job.body());
            Path flac = WORK.resolve("audio").resolve("cli.flac");
            long deadline = System.currentTimeMillis() + 60_000;
            while (!Files.exists(flac) && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            assertEquals(MediaFixtures.TV_SECONDS, AudioProbe.of(flac).duration(), 0.05);

            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/observe/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), ready.body());
        } finally {
            List<ProcessHandle> tree = new ArrayList<>(cli.descendants().toList());
            tree.forEach(ProcessHandle::destroy);
            cli.destroy();
            for (ProcessHandle p : tree) {
                p.onExit().get(30, TimeUnit.SECONDS);
            }
            cli.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Waits for the service's banner (the first run resolves Camel's CLI and downloads the routes' dependencies). */
    private static void awaitReady(Path log, Process cli) throws Exception {
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            if (text.contains("listening on http://")) {
                return;
            }
            if (!cli.isAlive()) {
                throw new AssertionError("camel run ended with " + cli.exitValue() + ":\n" + tail(text));
            }
            Thread.sleep(250);
        }
        throw new AssertionError("camel run not ready after 5 minutes:\n" + tail(Files.readString(log, StandardCharsets.UTF_8)));
    }

    private static String tail(String text) {
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }
}
