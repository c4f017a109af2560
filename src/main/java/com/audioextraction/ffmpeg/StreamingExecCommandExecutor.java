package com.audioextraction.ffmpeg;

import java.io.IOException;
import java.time.Duration;

import org.apache.camel.component.exec.ExecCommand;
import org.apache.camel.component.exec.ExecCommandExecutor;
import org.apache.camel.component.exec.ExecResult;

/**
 * A camel-exec executor that returns as soon as the process has started, with its stdout live
 * (camel-exec's default executor collects all output in memory and returns after the exit). The
 * exit code is not known yet: the {@link StreamingExecResult} carries the process to whoever
 * consumes the output and finishes it.
 */
public class StreamingExecCommandExecutor implements ExecCommandExecutor {

    private final FfmpegProcesses processes;
    private final Duration stallTimeout;

    /** @param stallTimeout a process whose reader waits this long for output is killed */
    public StreamingExecCommandExecutor(FfmpegProcesses processes, Duration stallTimeout) {
        this.processes = processes;
        this.stallTimeout = stallTimeout;
    }

    @Override
    public ExecResult execute(ExecCommand command) throws IOException {
        FfmpegProcess process = processes.start(command.getExecutable(), command.getArgs());
        process.watchOutput(stallTimeout);
        return new StreamingExecResult(command, process);
    }
}
