package com.audioextraction.jobs;

import java.nio.file.Path;

import com.audioextraction.AfterConfiguration;
import com.audioextraction.Ports;
import com.audioextraction.StartupFailure;
import com.audioextraction.health.BrokerHealthCheck;
import com.audioextraction.metrics.AudioMetrics;
import com.audioextraction.request.RequestParser;
import com.audioextraction.s3.S3Connection;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.jms.JmsComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batch jobs: the broker (embedded Artemis by default, or audio.broker.url), where their audio goes
 * (audio.jobs.output), and the steps of the job routes.
 */
@Configuration
public class JobsConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(JobsConfiguration.class);

    /** What the job routes are set up with, for the logs and the banner. */
    public record BatchJobs(boolean enabled, String broker, String queue) {
    }

    @BindToRegistry(lazy = true)
    public BatchJobs batchJobs(@PropertyInject("audio.jobs.enabled") boolean enabled,
            @PropertyInject("audio.broker.embedded") boolean embedded, @PropertyInject("audio.broker.url") String url,
            @PropertyInject("audio.broker.host") String host, @PropertyInject("audio.broker.port") int port,
            @PropertyInject("audio.jobs.queue") String queue) {
        String broker = !enabled ? "off" : embedded ? "embedded (tcp://" + host.trim() + ":" + port + ")" : url.trim();
        return new BatchJobs(enabled, broker, queue.trim());
    }

    @BindToRegistry(lazy = true)
    public OutputStore outputStore(CamelContext context, @PropertyInject("audio.jobs.output") String kind,
            @PropertyInject("audio.jobs.output-dir") String dir, @PropertyInject("audio.jobs.output-bucket") String bucket,
            @PropertyInject("audio.temp-dir") String tempDir, S3Connection s3) throws Exception {
        return switch (kind.trim()) {
            case "directory" -> new DirectoryOutputStore(Path.of(dir.trim()));
            case "s3" -> {
                if (!s3.configured()) {
                    throw new StartupFailure("audio.jobs.output=s3 needs an S3 store: set audio.s3.endpoint");
                }
                yield new S3OutputStore(s3, bucket.trim(), Path.of(tempDir.trim(), "audio-extraction-uploads"));
            }
            default -> throw new StartupFailure("audio.jobs.output=" + kind + " is not one of directory, s3");
        };
    }

    @BindToRegistry(lazy = true)
    public JobReader jobReader(OutputStore store, RequestParser parser) {
        return new JobReader(store, parser);
    }

    @BindToRegistry(lazy = true)
    public JobRunner jobRunner(OutputStore store) {
        return new JobRunner(store);
    }

    @BindToRegistry(lazy = true)
    public JobSubmissions jobSubmissions() {
        return new JobSubmissions();
    }

    @BindToRegistry(lazy = true)
    public JobResults jobResults(AudioMetrics metrics, @PropertyInject("audio.node-name") String node,
            @PropertyInject("camel.server.port") int port) {
        return new JobResults(metrics, node.isBlank() ? JobResults.defaultNodeName(port) : node.strip());
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        BatchJobs jobs = context.getRegistry().findSingleByType(BatchJobs.class);
        boolean embedded = Boolean.parseBoolean(property(context, "audio.broker.embedded"));
        if (jobs.enabled() && embedded) {
            String host = property(context, "audio.broker.host");
            int port = Integer.parseInt(property(context, "audio.broker.port"));
            Ports.requireFree("the embedded broker (audio.broker.port)", host, port);
            int attempts = Integer.parseInt(property(context, "audio.jobs.max-attempts"));
            context.addService(new EmbeddedBroker(Path.of(property(context, "audio.broker.data-dir")), host, port, jobs.queue(),
                    property(context, "audio.jobs.results-queue"), property(context, "audio.jobs.dead-letter-queue"),
                    property(context, "audio.jobs.chunks-queue"), Math.max(10, attempts * 3)), true, true);
        }
        String user = property(context, "audio.broker.user");
        String password = property(context, "audio.broker.password");
        String url = property(context, "audio.broker.url");
        ActiveMQConnectionFactory connections = new ActiveMQConnectionFactory(url, user.isEmpty() ? null : user,
                password.isEmpty() ? null : password);
        if (!url.contains("consumerWindowSize")) {
            // no prefetch: a job takes seconds to minutes, and a consumer that buffered messages would sit
            // on them while other instances on the same queue have nothing to do
            connections.setConsumerWindowSize(0);
        }
        // set on the component here rather than as camel.component.jms.* so it also holds under `camel run`,
        // which configures components before it compiles (and runs) this class
        context.getComponent("jms", JmsComponent.class).setConnectionFactory(connections);
        if (jobs.enabled()) {
            context.getRegistry().bind("brokerHealthCheck", new BrokerHealthCheck(connections, url));
        }
        AfterConfiguration.run(context, started -> LOG.info("batch jobs: {}; queue {} -> {}, broker {}",
                jobs.enabled() ? "on" : "off", jobs.queue(), started.getRegistry().findSingleByType(OutputStore.class).location(),
                jobs.broker()));
    }

    private static String property(CamelContext context, String key) {
        return context.resolvePropertyPlaceholders("{{" + key + "}}").trim();
    }
}
