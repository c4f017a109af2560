package com.audioextraction.request;

import com.audioextraction.StartupFailure;
import com.audioextraction.extraction.ExtractionPlanner;
import com.audioextraction.format.AudioFormat;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;

/** How requests are read and planned (audio.default-audio-format). */
@Configuration
public class RequestConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public RequestParser requestParser(@PropertyInject("audio.default-audio-format") String defaultFormat) {
        return new RequestParser(AudioFormat.byId(defaultFormat.trim()).orElseThrow(() -> new StartupFailure(
                "audio.default-audio-format=" + defaultFormat + " is not one of " + AudioFormat.allowedIds())));
    }

    @BindToRegistry(lazy = true)
    public ExtractionPlanner extractionPlanner() {
        return new ExtractionPlanner();
    }

    @Override
    public void configure(CamelContext context) {
        context.getRegistry().findSingleByType(RequestParser.class);
    }
}
