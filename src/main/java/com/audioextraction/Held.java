package com.audioextraction;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * What an exchange holds (an open video, ...) and must give back however it ends: closed when the
 * exchange completes, or earlier with {@link #releaseAll} (a batch job gives back after each attempt).
 */
public final class Held {

    private static final String KEY = "audioHeld";

    private Held() {
    }

    /** Keeps {@code resource} until the exchange completes (or releaseAll); returns it. */
    @SuppressWarnings("unchecked")
    public static <T extends Closeable> T hold(T resource, Exchange exchange) {
        List<Closeable> held = exchange.getProperty(KEY, List.class);
        if (held == null) {
            held = new ArrayList<>();
            exchange.setProperty(KEY, held);
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    releaseAll(done);
                }
            });
        }
        held.add(resource);
        return resource;
    }

    /** Closes everything the exchange holds now. */
    @SuppressWarnings("unchecked")
    public static void releaseAll(Exchange exchange) {
        List<Closeable> held = exchange.getProperty(KEY, List.class);
        if (held == null) {
            return;
        }
        // last taken, first given back: an ffmpeg before the video it reads, the video before the slot
        for (int i = held.size() - 1; i >= 0; i--) {
            try {
                held.get(i).close();
            } catch (IOException e) {
                // closing a read-only handle loses nothing
            }
        }
        held.clear();
    }
}
