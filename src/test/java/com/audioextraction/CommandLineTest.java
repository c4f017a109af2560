package com.audioextraction;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service as a command: usage on a bad flag, a clear failure when its port is taken. */
class CommandLineTest {

    private record Result(int exit, String output) {
    }

    private static Result start(List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.add(Application.class.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "did not exit");
        return new Result(process.exitValue(), output);
    }

    @Test
    void aBadFlagPrintsUsageAndExitsWith2() throws Exception {
        Result result = start(List.of(), "--port=9000");
        assertEquals(2, result.exit());
        assertTrue(result.output().contains("unknown argument: --port=9000"), result.output());
        assertTrue(result.output().contains("usage: java [-Dkey=value ...] -jar audio-extraction.jar"), result.output());
    }

    @Test
    void helpPrintsUsageAndExitsWith0() throws Exception {
        Result result = start(List.of(), "--help");
        assertEquals(0, result.exit());
        assertTrue(result.output().contains("-Dcamel.server.port=9000"), result.output());
    }

    @Test
    void theApiKeysAppearInNoLogLine() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dcamel.server.host=127.0.0.1", "-Dcamel.server.port=" + port,
                "-Daudio.jobs.enabled=false", "-Daudio.api-keys=very-secret-key-4711",
                // the service's own logging (the tests' quiets Camel's start-up summary, where a key would show)
                "-Dlogback.configurationFile=" + Path.of("src", "main", "resources", "logback.xml").toAbsolutePath(),
                Application.class.getName()));
        Process service = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder log = new StringBuilder();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                log.append(line).append('\n');
                if (line.contains("listening on http://")) {
                    break;
                }
            }
        } finally {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(log.toString().contains("API keys: 1 configured"), log.toString());
        assertTrue(!log.toString().contains("very-secret-key-4711"), "a key was logged:\n" + log);
    }

    @Test
    void aTakenPortIsAClearErrorAndANonZeroExit() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Result result = start(List.of("-Dcamel.server.host=127.0.0.1", "-Dcamel.server.port=" + taken.getLocalPort(),
                    "-Daudio.jobs.enabled=false"));
            assertNotEquals(0, result.exit());
            assertTrue(result.output().contains("port " + taken.getLocalPort() + " on 127.0.0.1 for the HTTP server"
                    + " (camel.server.port) is not available"), result.output());
        }
    }
}
