package com.audioextraction.health;

import java.time.Duration;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;

/** Ready only while the message broker takes a connection (a success is kept 10 s). */
public class BrokerHealthCheck extends ReadinessCheck {

    private final ConnectionFactory connections;

    public BrokerHealthCheck(ConnectionFactory connections, String url) {
        super("broker", "url", url, Duration.ofSeconds(10));
        this.connections = connections;
    }

    @Override
    protected String findProblem() {
        try (Connection connection = connections.createConnection()) {
            return null;
        } catch (Exception e) {
            return "cannot connect to the broker: " + e.getMessage();
        }
    }
}
