package com.audioextraction.ffmpeg;

import org.apache.camel.component.exec.ExecCommand;
import org.apache.camel.component.exec.ExecResult;

/** The result of a started, still running process; its exit value is known only from {@link #process()}. */
public class StreamingExecResult extends ExecResult {

    private static final long serialVersionUID = 1L;

    private final transient FfmpegProcess process;

    public StreamingExecResult(ExecCommand command, FfmpegProcess process) {
        super(command, process.stdout(), null, 0);
        this.process = process;
    }

    public FfmpegProcess process() {
        return process;
    }
}
