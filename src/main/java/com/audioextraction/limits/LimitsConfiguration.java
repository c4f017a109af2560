package com.audioextraction.limits;

import java.time.Duration;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How much work runs at once and who may ask for it (audio.max-concurrent-*, audio.api-keys, ...). */
@Configuration
public class LimitsConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(LimitsConfiguration.class);

    /** Extractions (ffmpeg processes) at once, HTTP and batch together; 0 means one per CPU core. */
    @BindToRegistry(lazy = true)
    public ExtractionSlots extractionSlots(@PropertyInject("audio.max-concurrent-extractions") int slots,
            @PropertyInject("audio.max-queued-requests") int queued, @PropertyInject("audio.queue-timeout") Duration timeout) {
        return new ExtractionSlots("extraction", slots > 0 ? slots : Runtime.getRuntime().availableProcessors(), queued, timeout);
    }

    /** GET/POST /probe at once. */
    @BindToRegistry(lazy = true)
    public ExtractionSlots probeSlots(@PropertyInject("audio.max-concurrent-probes") int slots,
            @PropertyInject("audio.max-queued-requests") int queued, @PropertyInject("audio.queue-timeout") Duration timeout) {
        return new ExtractionSlots("probe", slots, queued, timeout);
    }

    @BindToRegistry(lazy = true)
    public ApiKeys apiKeys(@PropertyInject("audio.api-keys") String keys, @PropertyInject("audio.api-keys-file") String file)
            throws Exception {
        return ApiKeys.of(keys, file);
    }

    @Override
    public void configure(CamelContext context) {
        ExtractionSlots extractions = context.getRegistry().lookupByNameAndType("extractionSlots", ExtractionSlots.class);
        ExtractionSlots probes = context.getRegistry().lookupByNameAndType("probeSlots", ExtractionSlots.class);
        ApiKeys keys = context.getRegistry().findSingleByType(ApiKeys.class);
        LOG.info("{} concurrent extractions and {} probes, {} more requests may wait {} s", extractions.slots(), probes.slots(),
                extractions.maxQueued(), extractions.queueTimeout().toSeconds());
        LOG.info("API keys: {}", keys.enabled() ? keys.count() + " configured" : "none (every call is let through)");
    }
}
