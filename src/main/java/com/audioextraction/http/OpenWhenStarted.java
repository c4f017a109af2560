package com.audioextraction.http;

import com.audioextraction.health.HealthEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the HTTP port once everything else (routes, broker) has started, then says so in one line:
 * "ready" only when readiness is UP, else "NOT READY" with why.
 */
final class OpenWhenStarted implements StartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(OpenWhenStarted.class);
    private static final String SERVICE = "audio-extraction " + java.util.Objects.requireNonNullElse(
            OpenWhenStarted.class.getPackage().getImplementationVersion(), "(dev)");

    private final AudioHttpServer server;
    private final HealthEndpoint health;
    private final String host;
    private final String facts;

    /** @param facts what runs, for the line: videos, ffmpeg, broker */
    OpenWhenStarted(AudioHttpServer server, HealthEndpoint health, String host, String facts) {
        this.server = server;
        this.health = health;
        this.host = host;
        this.facts = facts;
    }

    @Override
    public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
        // the port opens at onCamelContextFullyStarted, when every route is up
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) throws Exception {
        HealthEndpoint.Snapshot checks = health.checkNow();
        server.open();
        String address = "http://" + host + ":" + server.getPort() + " | " + facts;
        if (checks.ready()) {
            LOG.info("{} ready, listening on {}", SERVICE, address);
        } else {
            LOG.warn("{} NOT READY ({}), listening on {}", SERVICE, checks.down(), address);
        }
    }
}
