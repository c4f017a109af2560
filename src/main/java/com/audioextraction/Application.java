package com.audioextraction;

import org.apache.camel.main.Main;

/**
 * Starts the audio-extraction service: Camel Main with the routes and beans found by package scan
 * and the settings in {@code application.properties} (overridable with -D and environment variables).
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main(Application.class);
        System.exit(main.run(args));
    }
}
