package com.audioextraction.examples;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.audioextraction.testsupport.AudioProbe;
import com.audioextraction.testsupport.MediaFixtures;
import com.audioextraction.testsupport.ServiceTestSupport;
import org.apache.camel.util.FileUtil;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client examples in examples/, run as a user would against the real service. */
class ExamplesTest extends ServiceTestSupport {

    private static final Path WORK = Path.of("target", "examples-test").toAbsolutePath();
    private int brokerPort;

    @Override
    protected void overrideProperties(Properties properties) {
        FileUtil.removeDir(WORK.toFile());
        try (ServerSocket socket = new ServerSocket(0)) {
            brokerPort = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        properties.put("audio.jobs.enabled", "true");
        properties.put("audio.jobs.output-dir", WORK.resolve("audio").toString());
        properties.put("audio.broker.data-dir", WORK.resolve("broker").toString());
        properties.put("audio.broker.port", String.valueOf(brokerPort));
    }

    private String base() {
        return "http://127.0.0.1:" + port();
    }

    @Test
    void curlExamplesAnswerAsDocumented() throws Exception {
        Result run = run(List.of("bash", "examples/curl-examples.sh", base(), MediaFixtures.TV));
        assertEquals(0, run.exit, run.output);
        assertTrue(run.output.contains("POST /jobs"), run.output);
    }

    @Test
    void thePythonWorkerClientWritesAWavOfTheEnglishTrack() throws Exception {
        Path wav = WORK.resolve("english.wav");
        // Debian's python3 (.ci/run installs it with python3-qpid-proton): CI need not have any other on its PATH
        Result run = run(List.of("/usr/bin/python3", "examples/whisper_client.py", base(), MediaFixtures.TWO_LANGUAGES, wav.toString(),
                "--language", "en"));
        assertEquals(0, run.exit, run.output);
        AudioProbe audio = AudioProbe.of(wav);
        assertEquals("pcm_s16le", audio.codec());
        assertEquals(16000, audio.sampleRate());
        assertEquals(1, audio.channels());
        assertEquals(MediaFixtures.TWO_LANGUAGES_SECONDS, audio.duration(), 0.1);
    }

    @Test
    void theJavaClientWritesTheRequestedFormat() throws Exception {
        Path flac = WORK.resolve("news.flac");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Result run = run(List.of(java, "examples/ExtractClient.java", base(), MediaFixtures.TV, "flac", flac.toString()));
        assertEquals(0, run.exit, run.output);
        assertEquals("flac", AudioProbe.of(flac).codec());
        assertEquals(MediaFixtures.TV_SECONDS, AudioProbe.of(flac).duration(), 0.1);
    }

    @Test
    void theAmqpSubmitterGetsItsResultsBack() throws Exception {
        Result proton = run(List.of("/usr/bin/python3", "-c", "import proton"));
        Assumptions.assumeTrue(proton.exit == 0, "Debian's python3-qpid-proton is not installed (.ci/run installs it)");
        Result run = run(List.of("/usr/bin/python3", "examples/submit_jobs.py", "--broker", "127.0.0.1:" + brokerPort,
                "--format", "pcm", MediaFixtures.TV, MediaFixtures.MOOV_AT_END));
        assertEquals(0, run.exit, run.output);
        assertEquals(2, run.output.lines().filter(l -> l.contains("\"status\": \"done\"")).count(), run.output);
    }

    @Test
    void theSpeechMapExamplesMapOutputTimesBackToTheSource() throws Exception {
        com.audioextraction.testsupport.SpeechFixture.truth();
        HttpResponse<String> speech = http.send(HttpRequest.newBuilder(uri("/speech?savepath="
                + com.audioextraction.testsupport.SpeechFixture.NEWS)).build(), HttpResponse.BodyHandlers.ofString());
        com.fasterxml.jackson.databind.JsonNode segments = new com.fasterxml.jackson.databind.ObjectMapper().readTree(speech.body())
                .path("segments");
        double first = segments.get(0).path("end").asDouble() - segments.get(0).path("start").asDouble();
        // 0.5 s into the output is in the first segment; first + 0.5 s is 0.5 s into the second
        String expected = String.format(java.util.Locale.ROOT, "0.500 -> %.3f%n%.3f -> %.3f%n",
                segments.get(0).path("start").asDouble() + 0.5, first + 0.5, segments.get(1).path("start").asDouble() + 0.5);
        Path work = Files.createDirectories(Path.of("target", "examples-speech"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (List<String> command : List.of(
                List.of("/usr/bin/python3", Path.of("examples/speech_map.py").toAbsolutePath().toString(), base(),
                        com.audioextraction.testsupport.SpeechFixture.NEWS, "0.5", String.valueOf(first + 0.5)),
                List.of(java, Path.of("examples/SpeechMap.java").toAbsolutePath().toString(), base(),
                        com.audioextraction.testsupport.SpeechFixture.NEWS, "0.5", String.valueOf(first + 0.5)))) {
            Result run = run(command, work);
            assertEquals(0, run.exit, run.output);
            assertEquals(expected, run.output.replace("\r", ""), command.get(1));
            assertTrue(Files.size(work.resolve("speech_only.pcm")) > 32000, "the speech_only audio was written");
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws Exception {
        return run(command, Path.of("."));
    }

    private static Result run(List<String> command, Path directory) throws Exception {
        Process process = new ProcessBuilder(new ArrayList<>(command)).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        return new Result(process.exitValue(), output);
    }
}
