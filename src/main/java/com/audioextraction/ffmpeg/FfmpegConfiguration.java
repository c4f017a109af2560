package com.audioextraction.ffmpeg;

import java.time.Duration;

import com.audioextraction.WhenStopping;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Which ffmpeg runs, what it may read, and who watches its processes (audio.ffmpeg-path, audio.input-formats, ...). */
@Configuration
public class FfmpegConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(FfmpegConfiguration.class);

    @BindToRegistry(lazy = true)
    public FfmpegBinary ffmpegBinary(@PropertyInject("audio.ffmpeg-path") String path) {
        return FfmpegLocator.locate(path);
    }

    @BindToRegistry(lazy = true)
    public InputPolicy inputPolicy(@PropertyInject("audio.input-formats") String formats) {
        return InputPolicy.of(formats);
    }

    /** Every ffmpeg and ffprobe started; as a Camel service it kills what is left when the service stops. */
    @BindToRegistry(lazy = true)
    public FfmpegProcesses ffmpegProcesses(CamelContext context, @PropertyInject("audio.shutdown-grace") int grace) throws Exception {
        FfmpegProcesses processes = new FfmpegProcesses();
        context.addService(processes, true, true);
        // Camel waits for in-flight work while it stops (a JMS consumer waits for its job to end): after
        // the grace the remaining ffmpegs are killed, which ends streams and sends jobs back to the queue
        WhenStopping.run(context, () -> processes.killAllAfter(Duration.ofSeconds(grace),
                "the service is stopping and its grace period is over"));
        return processes;
    }

    /** camel-exec's executor for ffmpeg: returns at once with the live output (see StreamingExecCommandExecutor). */
    @BindToRegistry(lazy = true)
    public StreamingExecCommandExecutor streamingExecutor(FfmpegProcesses processes,
            @PropertyInject("audio.stall-timeout") Duration stallTimeout) {
        return new StreamingExecCommandExecutor(processes, stallTimeout);
    }

    @BindToRegistry(lazy = true)
    public FfmpegCommand ffmpegCommand(FfmpegBinary ffmpeg) {
        return new FfmpegCommand(ffmpeg);
    }

    @Override
    public void configure(CamelContext context) {
        FfmpegBinary ffmpeg = context.getRegistry().findSingleByType(FfmpegBinary.class); // fails start-up when it does not run
        context.getRegistry().findSingleByType(InputPolicy.class);
        context.getRegistry().findSingleByType(FfmpegProcesses.class);
        LOG.info("ffmpeg: {} ({}), {}", ffmpeg.path(), ffmpeg.origin(), ffmpeg.version());
    }
}
