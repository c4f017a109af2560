package com.audioextraction.probe;

import java.time.Duration;
import java.util.Optional;

import com.audioextraction.AfterConfiguration;
import com.audioextraction.ffmpeg.FfmpegBinary;
import com.audioextraction.ffmpeg.FfmpegLocator;
import com.audioextraction.ffmpeg.FfmpegProcesses;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How videos are probed: ffprobe when there is one (audio.ffprobe-path), else ffmpeg's own description. */
@Configuration
public class ProbeConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeConfiguration.class);

    @BindToRegistry(lazy = true)
    public MediaProber mediaProber(FfmpegBinary ffmpeg, FfmpegProcesses processes,
            @PropertyInject("audio.ffprobe-path") String ffprobePath, @PropertyInject("audio.probe-timeout") Duration timeout) {
        Optional<String> ffprobe = FfmpegLocator.ffprobeBeside(ffmpeg, ffprobePath);
        LOG.info("probe: {}", ffprobe.map(p -> "ffprobe " + p).orElse("ffmpeg's input description (no ffprobe found)"));
        return ffprobe.<MediaProber>map(path -> new FfprobeProber(path, processes, timeout))
                .orElseGet(() -> new FfmpegDumpProber(ffmpeg.path(), processes, timeout));
    }

    @Override
    public void configure(CamelContext context) {
        AfterConfiguration.run(context, started -> started.getRegistry().findSingleByType(MediaProber.class)); // logs which
    }
}
