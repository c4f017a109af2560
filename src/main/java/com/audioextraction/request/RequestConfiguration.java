package com.audioextraction.request;

import com.audioextraction.StartupFailure;
import com.audioextraction.extraction.ExtractionPlanner;
import com.audioextraction.format.AudioFormat;
import com.audioextraction.speech.ChunkSettings;
import com.audioextraction.speech.SpeechSettings;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;

/** How requests are read and planned (audio.default-audio-format, the speech and chunk defaults). */
@Configuration
public class RequestConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public RequestParser requestParser(@PropertyInject("audio.default-audio-format") String defaultFormat,
            @PropertyInject("audio.speech.min-silence") double minSilence, @PropertyInject("audio.speech.threshold") double threshold,
            @PropertyInject("audio.speech.padding") double padding, @PropertyInject("audio.chunks.target-seconds") double target,
            @PropertyInject("audio.chunks.max-seconds") double max) {
        return new RequestParser(AudioFormat.byId(defaultFormat.trim()).orElseThrow(() -> new StartupFailure(
                "audio.default-audio-format=" + defaultFormat + " is not one of " + AudioFormat.allowedIds())),
                new SpeechSettings(minSilence, threshold, padding), new ChunkSettings(target, max));
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
