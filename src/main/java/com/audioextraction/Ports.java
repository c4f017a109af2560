package com.audioextraction;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports the service needs, checked before it starts (Vert.x and Artemis only log a port they cannot bind). */
public final class Ports {

    private Ports() {
    }

    /** Fails start-up when {@code host:port} cannot be bound (0 means any free port). */
    public static void requireFree(String what, String host, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host.trim(), port));
        } catch (IOException e) {
            throw taken(what, host, port, e.getMessage());
        }
    }

    /** A port the service needs is not available: what to do about it. */
    public static StartupFailure taken(String what, String host, int port, String why) {
        return new StartupFailure("port " + port + " on " + host.trim() + " for " + what + " is not available (" + why
                + "): stop what uses it or choose another port");
    }
}
