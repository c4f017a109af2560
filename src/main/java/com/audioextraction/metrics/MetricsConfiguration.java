package com.audioextraction.metrics;

import com.audioextraction.ffmpeg.FfmpegProcesses;
import com.audioextraction.limits.ApiKeys;
import com.audioextraction.limits.ExtractionSlots;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;

/** The service's meters and /observe/metrics (audio.protect-metrics). */
@Configuration
public class MetricsConfiguration {

    @BindToRegistry(lazy = true)
    public AudioMetrics audioMetrics(CamelContext context, @BeanInject("extractionSlots") ExtractionSlots slots,
            FfmpegProcesses processes) throws Exception {
        AudioMetrics metrics = new AudioMetrics(() -> context.getRegistry().findSingleByType(MeterRegistry.class), slots, processes);
        context.addStartupListener((started, alreadyStarted) -> metrics.register());
        return metrics;
    }

    @BindToRegistry(lazy = true)
    public MetricsEndpoint metricsEndpoint(CamelContext context, ApiKeys keys, @PropertyInject("audio.protect-metrics") boolean protect) {
        return new MetricsEndpoint(context, keys, protect);
    }
}
