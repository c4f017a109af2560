package com.audioextraction;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.audioextraction.testsupport.ServiceProcess;
import com.audioextraction.testsupport.ServiceTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        String log;
        try (ServiceProcess service = ServiceProcess.start(Path.of("target", "command-line-test").toAbsolutePath(),
                List.of("-Daudio.jobs.enabled=false", "-Daudio.api-keys=very-secret-key-4711",
                        // the service's own logging (the tests' quiets Camel's start-up summary, where a key would show)
                        "-Dlogback.configurationFile=" + Path.of("src", "main", "resources", "logback.xml").toAbsolutePath()))
                .awaitListening()) {
            log = service.log();
        }
        assertTrue(log.contains("API keys: 1 configured"), log);
        assertTrue(!log.contains("very-secret-key-4711"), "a key was logged:\n" + log);
    }

    @Test
    void aTakenPortIsAClearErrorAndANonZeroExit() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Result result = start(List.of("-Dcamel.server.host=127.0.0.1", "-Dcamel.server.port=" + taken.getLocalPort(),
                    "-Daudio.jobs.enabled=false"));
            assertEquals(1, result.exit());
            assertTrue(result.output().contains("audio-extraction cannot start: port " + taken.getLocalPort()
                    + " on 127.0.0.1 for the HTTP server (camel.server.port) is not available"), result.output());
            assertOneLineError(result);
        }
    }

    @Test
    void aTakenBrokerPortIsAClearErrorAndANonZeroExit() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "taken-broker");
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Result result = start(List.of("-Dcamel.server.host=127.0.0.1", "-Dcamel.server.port=" + ServiceTestSupport.freePort(),
                    "-Daudio.broker.port=" + taken.getLocalPort(), "-Daudio.broker.data-dir=" + data.resolve("broker"),
                    "-Daudio.jobs.output-dir=" + data.resolve("audio")));
            assertEquals(1, result.exit());
            assertTrue(result.output().contains("audio-extraction cannot start: port " + taken.getLocalPort()
                    + " on 127.0.0.1 for the embedded broker (audio.broker.port) is not available"), result.output());
            assertOneLineError(result);
        }
    }

    /** The reason in one line: no stack trace, no shutdown hook claiming a SIGTERM that never came. */
    private static void assertOneLineError(Result result) {
        assertTrue(!result.output().contains("\tat ") && !result.output().contains("Exception"), result.output());
        assertTrue(!result.output().contains("SIGTERM"), result.output());
    }
}
