package com.audioextraction.jobs;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import com.audioextraction.StartupFailure;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Artemis only logs an acceptor that cannot bind and runs on without it: the service refuses to start instead. */
class EmbeddedBrokerTest {

    @Test
    void anAcceptorThatCannotBindStopsTheStart() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "broker-test");
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            EmbeddedBroker broker = new EmbeddedBroker(data, "127.0.0.1", taken.getLocalPort(), "audio.jobs", "audio.results",
                    "audio.jobs.dlq", "audio.chunks", 10);
            RuntimeException failure = assertThrows(RuntimeException.class, broker::start);
            StartupFailure reason = StartupFailure.in(failure);
            assertNotNull(reason, failure.toString());
            assertTrue(reason.getMessage().contains("port " + taken.getLocalPort() + " on 127.0.0.1 for the embedded broker"),
                    reason.getMessage());
        }
    }
}
