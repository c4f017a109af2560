package com.audioextraction.speech;

import org.apache.camel.BindToRegistry;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;

/** Speech-aware extraction: the detector, and how chunk URLs are written (audio.public-url). */
@Configuration
public class SpeechConfiguration {

    @BindToRegistry(lazy = true)
    public SpeechDetector speechDetector() {
        return new EnergyDetector();
    }

    @BindToRegistry(lazy = true)
    public SpeechFinder speechFinder(SpeechDetector detector) {
        return new SpeechFinder(detector);
    }

    @BindToRegistry(lazy = true)
    public ChunkPlanner chunkPlanner(@PropertyInject("audio.public-url") String publicUrl) {
        return new ChunkPlanner(publicUrl);
    }
}
