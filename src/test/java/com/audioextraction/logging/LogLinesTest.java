package com.audioextraction.logging;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped logging configuration: a value with line breaks (a job id, a path) stays on its own log line. */
class LogLinesTest {

    @Test
    void lineBreaksInLoggedValuesCannotForgeLines() throws Exception {
        String output = logThroughTheShippedConfiguration("[{}] job failed: {}", "ep-1\r\n10:00:00.000 INFO  JobResults - [ep-2] job done",
                "tab\there and a bell \u0007");
        assertEquals(1, output.lines().count(), output);
        assertTrue(output.contains("[ep-1\\r\\n10:00:00.000 INFO  JobResults - [ep-2] job done] job failed: tab\there and a bell \\u0007"),
                output);
    }

    private static String logThroughTheShippedConfiguration(String format, Object... values) throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(Path.of("src", "main", "resources", "logback.xml").toFile());
            context.getLogger("com.audioextraction.jobs.JobResults").warn(format, values);
        } finally {
            context.stop();
            System.setOut(console);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
