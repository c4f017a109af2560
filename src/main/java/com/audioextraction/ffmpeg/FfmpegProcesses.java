package com.audioextraction.ffmpeg;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every ffmpeg the service has started and that still runs. As a Camel service it kills whatever
 * is left when the context stops, so no child outlives the service.
 */
public class FfmpegProcesses extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(FfmpegProcesses.class);

    private final FfmpegBinary binary;
    private final Set<FfmpegProcess> running = ConcurrentHashMap.newKeySet();
    private final AtomicLong started = new AtomicLong();

    public FfmpegProcesses(FfmpegBinary binary) {
        this.binary = binary;
    }

    public FfmpegBinary binary() {
        return binary;
    }

    public FfmpegProcess start(List<String> args) throws IOException {
        return start(binary.path(), args);
    }

    public FfmpegProcess start(String executable, List<String> args) throws IOException {
        FfmpegProcess process = FfmpegProcess.start(executable, args);
        running.add(process);
        started.incrementAndGet();
        process.onExit(() -> running.remove(process));
        return process;
    }

    /** How many ffmpeg processes run now. */
    public int running() {
        return running.size();
    }

    /** How many ffmpeg processes were started since the service started. */
    public long started() {
        return started.get();
    }

    public void killAll(String reason) {
        for (FfmpegProcess process : running) {
            LOG.warn("killing ffmpeg pid {}: {}", process.pid(), reason);
            process.kill(reason);
        }
    }

    @Override
    protected void doStop() throws Exception {
        killAll("the service is stopping");
        for (FfmpegProcess process : running) {
            process.awaitGone(1000);
        }
    }
}
