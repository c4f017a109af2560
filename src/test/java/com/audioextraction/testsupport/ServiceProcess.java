package com.audioextraction.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.audioextraction.Application;

/**
 * The service as its own process, started as the jar would be (its classes from this build), on free
 * ports, with its broker journal and job output in a folder of its own; its output goes to a log file.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the service with {@code options} (-Dkey=value) added to the test defaults. */
    public static ServiceProcess start(Path work, List<String> options) throws IOException {
        Files.createDirectories(work);
        int port = ServiceTestSupport.freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dcamel.server.host=127.0.0.1", "-Dcamel.server.port=" + port,
                "-Daudio.minio-data-path=" + MediaFixtures.dataPath(),
                "-Daudio.broker.port=" + ServiceTestSupport.freePort(),
                "-Daudio.broker.data-dir=" + work.resolve("broker"),
                "-Daudio.jobs.output-dir=" + work.resolve("audio"),
                "-Daudio.temp-dir=" + work.resolve("tmp")));
        command.addAll(options);
        command.add(Application.class.getName());
        Path log = work.resolve("service.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ServiceProcess(process, log, port);
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Waits for the line that says the port is open (at most 60 s). */
    public ServiceProcess awaitListening() throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (log().contains("listening on http://")) {
                return this;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the service ended with " + process.exitValue() + ":\n" + log());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the service did not open its port:\n" + log());
    }

    /** SIGTERM, as systemd stops it; waits at most {@code seconds} for the exit. */
    public boolean terminate(int seconds) throws InterruptedException {
        process.destroy();
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
