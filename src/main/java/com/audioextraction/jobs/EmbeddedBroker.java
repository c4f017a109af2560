package com.audioextraction.jobs;

import java.nio.file.Path;

import com.audioextraction.Ports;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ActiveMQ Artemis inside the service (the default): a persistent journal under the data dir, an
 * in-VM acceptor for the service itself and a TCP one (CORE and AMQP) for job submitters in any
 * language. Jobs that the broker delivered too often (the process kept dying on them) go to the
 * dead-letter queue.
 */
public class EmbeddedBroker extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final Path dataDir;
    private final String host;
    private final int port;
    private final String tcpAcceptor;
    private final String jobsQueue;
    private final String deadLetterQueue;
    private final int maxDeliveries;
    private final java.util.List<String> queues;
    private EmbeddedActiveMQ broker;

    /**
     * @param maxDeliveries how often the broker hands out a job before dead-lettering it (a backstop
     *                      for crashes; ordinary failures are retried and dead-lettered by the route)
     */
    public EmbeddedBroker(Path dataDir, String host, int port, String jobsQueue, String resultsQueue, String deadLetterQueue,
            String chunksQueue, int maxDeliveries) {
        this.queues = java.util.List.of(jobsQueue, resultsQueue, deadLetterQueue, chunksQueue);
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.host = host;
        this.port = port;
        this.tcpAcceptor = "tcp://" + host + ":" + port + "?protocols=CORE,AMQP";
        this.jobsQueue = jobsQueue;
        this.deadLetterQueue = deadLetterQueue;
        this.maxDeliveries = maxDeliveries;
    }

    @Override
    protected void doStart() throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("audio-extraction")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .addAcceptorConfiguration("in-vm", "vm://0")
                .addAcceptorConfiguration("tcp", tcpAcceptor);
        for (String queue : queues) {
            config.addQueueConfiguration(QueueConfiguration.of(queue).setAddress(queue).setRoutingType(RoutingType.ANYCAST));
        }
        // every queue: dead letters and expired messages to the dead-letter queue, never dropped
        config.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(deadLetterQueue))
                .setExpiryAddress(SimpleString.of(deadLetterQueue)));
        config.addAddressSetting(jobsQueue, new AddressSettings()
                .setExpiryAddress(SimpleString.of(deadLetterQueue))
                .setDeadLetterAddress(SimpleString.of(deadLetterQueue))
                .setMaxDeliveryAttempts(maxDeliveries)
                .setRedeliveryDelay(1000)
                .setRedeliveryMultiplier(2)
                .setMaxRedeliveryDelay(30_000));
        broker = new EmbeddedActiveMQ().setConfiguration(config);
        broker.start();
        // an acceptor that cannot bind is only logged by Artemis, and start() returns: the server is then not active
        if (!broker.getActiveMQServer().isActive()) {
            broker.stop();
            broker = null;
            throw Ports.taken("the embedded broker (audio.broker.port)", host, port, "the broker could not bind it");
        }
        LOG.info("embedded Artemis broker started: vm://0 and {}, journal in {}", tcpAcceptor, dataDir);
    }

    @Override
    protected void doStop() throws Exception {
        if (broker != null) {
            broker.stop();
            broker = null;
        }
    }
}
