package com.audioextraction;

import java.util.List;

import org.apache.camel.main.Main;

/**
 * Starts the audio-extraction service: Camel Main with the routes and beans found by package scan
 * and the settings in {@code application.properties} (overridable with -D and environment variables).
 */
public final class Application {

    static final String USAGE = """
            usage: java [-Dkey=value ...] -jar audio-extraction.jar [--help]

            Streams the audio of videos in a MinIO bucket over HTTP (POST/GET /extract-audio, /probe)
            and runs batch jobs from a message queue (audio.jobs, POST /jobs).

            Settings come from application.properties (every key documented there); override any of
            them with -Dkey=value or an environment variable named like the key in upper case with
            . and - as _ , for example:
              java -Dcamel.server.port=9000 -Daudio.minio-data-path=/data/minio -jar audio-extraction.jar
              AUDIO_BUCKET_NAME=videos AUDIO_API_KEYS=secret java -jar audio-extraction.jar

            Endpoints: /extract-audio, /probe, /jobs, /openapi.json, /observe/health, /observe/metrics
            """;

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        if (!arguments.isEmpty()) {
            System.err.println("unknown argument: " + arguments.get(0));
            System.err.print(USAGE);
            System.exit(2);
        }
        Main main = new Main(Application.class);
        int exit;
        try {
            exit = main.run(new String[0]);
        } catch (RuntimeException e) {
            StartupFailure failure = StartupFailure.in(e);
            if (failure == null) {
                throw e;
            }
            System.err.println("audio-extraction cannot start: " + failure.getMessage());
            // halt: nothing started needs stopping, and Camel's shutdown hook would report a SIGTERM that never came
            Runtime.getRuntime().halt(1);
            return;
        }
        System.exit(exit);
    }
}
