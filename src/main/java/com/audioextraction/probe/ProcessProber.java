package com.audioextraction.probe;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import com.audioextraction.ApiException;
import com.audioextraction.ffmpeg.FfmpegProcesses;

/** A prober that runs a program (ffprobe or ffmpeg) to its end within the probe timeout. */
abstract class ProcessProber implements MediaProber {

    private final String executable;
    private final FfmpegProcesses processes;
    private final Duration timeout;

    ProcessProber(String executable, FfmpegProcesses processes, Duration timeout) {
        this.executable = executable;
        this.processes = processes;
        this.timeout = timeout;
    }

    /**
     * Runs the program with {@code args}, keeping at most {@code maxOutput} bytes of its stdout;
     * 504 when it does not finish within the probe timeout (a store or disk that does not answer).
     */
    protected FfmpegProcesses.Completed run(List<String> args, int maxOutput, String savepath) {
        try {
            FfmpegProcesses.Completed run = processes.runToEnd(executable, args, timeout, maxOutput);
            if (run.timedOut()) {
                throw MediaProber.timedOut(savepath, timeout);
            }
            return run;
        } catch (IOException e) {
            throw ApiException.internal("probe failed", "cannot run " + executable + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.internal("probe interrupted", "the service is stopping");
        }
    }
}
