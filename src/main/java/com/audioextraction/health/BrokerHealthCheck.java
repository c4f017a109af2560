package com.audioextraction.health;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Ready only while the message broker takes a connection (checked at most every 10 s). */
public class BrokerHealthCheck extends AbstractHealthCheck {

    private static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final ConnectionFactory connections;
    private final String url;
    private long checkedAt;
    private String failure;

    public BrokerHealthCheck(ConnectionFactory connections, String url) {
        super("audio", "broker");
        this.connections = connections;
        this.url = url;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("url", url);
        String problem = problem();
        if (problem == null) {
            builder.up();
        } else {
            builder.message(problem).down();
        }
    }

    private synchronized String problem() {
        long now = System.nanoTime();
        if (checkedAt == 0 || now - checkedAt > CACHE_NANOS || failure != null) {
            try (Connection connection = connections.createConnection()) {
                failure = null;
            } catch (Exception e) {
                failure = "cannot connect to the broker: " + e.getMessage();
            }
            checkedAt = now;
        }
        return failure;
    }
}
