package com.audioextraction.ffmpeg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads ffmpeg's stderr to its end (so ffmpeg never blocks on a full pipe) and keeps what the
 * service needs from it: its first lines (the input's description), the error lines and the amount
 * of audio written. Expects {@code -loglevel level+info}, which tags each line with its level.
 */
final class FfmpegLog {

    private static final Pattern OUTPUT_TIME = Pattern.compile("size=\\s*\\S+ time=(\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)");
    private static final Pattern LEVEL = Pattern.compile("^(?:\\[[^\\]]+ @ 0x[0-9a-f]+\\] )?\\[(\\w+)\\] ?");
    private static final int MAX_ERRORS = 20;
    private static final int MAX_LINE = 2000;
    private static final int MAX_HEAD = 1000;

    private final CountDownLatch ended = new CountDownLatch(1);
    /** Counted down once ffmpeg has described its input (it moves on to its outputs) or stderr ended. */
    private final CountDownLatch described = new CountDownLatch(1);
    private final List<String> errors = new ArrayList<>();
    private final List<String> head = new ArrayList<>();
    private volatile double outputSeconds = Double.NaN;

    /** Private, with {@link #create()}: under `camel run`, a compiled class with a visible no-arg constructor gets instantiated. */
    private FfmpegLog() {
    }

    static FfmpegLog create() {
        return new FfmpegLog();
    }

    /** Reads the stream until ffmpeg closes it; runs on its own thread. */
    void drain(InputStream stderr) {
        try (stderr) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = stderr.read()) != -1) {
                if (b == '\n' || b == '\r') {
                    if (line.size() > 0) {
                        accept(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    }
                } else if (line.size() < MAX_LINE) {
                    line.write(b);
                }
            }
            if (line.size() > 0) {
                accept(line.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the process was killed: nothing more to read
        } finally {
            described.countDown();
            ended.countDown();
        }
    }

    private void accept(String raw) {
        Matcher level = LEVEL.matcher(raw);
        boolean tagged = level.find();
        String lvl = tagged ? level.group(1) : "info";
        String text = tagged ? raw.substring(level.end()) : raw;
        synchronized (this) {
            if (head.size() < MAX_HEAD) {
                head.add(text);
            }
            if ((lvl.equals("error") || lvl.equals("fatal") || lvl.equals("panic")) && errors.size() < MAX_ERRORS) {
                errors.add(text.strip());
            }
        }
        if (text.startsWith("Stream mapping:") || text.startsWith("Output #")) {
            described.countDown();
        }
        Matcher t = OUTPUT_TIME.matcher(text);
        if (t.find()) {
            outputSeconds = seconds(t);
        }
    }

    private static double seconds(Matcher m) {
        return Integer.parseInt(m.group(1)) * 3600 + Integer.parseInt(m.group(2)) * 60 + Double.parseDouble(m.group(3));
    }

    /** Waits until ffmpeg has described its input (or ended), at most {@code millis}; false on timeout. */
    boolean awaitDescribed(long millis) throws InterruptedException {
        return described.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Waits until stderr is closed, at most {@code millis}. */
    void awaitEnd(long millis) throws InterruptedException {
        ended.await(millis, TimeUnit.MILLISECONDS);
    }

    OptionalDouble outputSeconds() {
        double d = outputSeconds;
        return Double.isNaN(d) ? OptionalDouble.empty() : OptionalDouble.of(d);
    }

    synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    /** The first lines (up to 1000), without their level tags: ffmpeg's description of its input. */
    synchronized List<String> head() {
        return List.copyOf(head);
    }
}
