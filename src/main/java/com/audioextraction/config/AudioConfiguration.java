package com.audioextraction.config;

import com.audioextraction.StartupFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.audioextraction.extraction.ExtractionPlanner;
import com.audioextraction.ffmpeg.FfmpegBinary;
import com.audioextraction.ffmpeg.FfmpegCommand;
import com.audioextraction.ffmpeg.FfmpegLocator;
import com.audioextraction.ffmpeg.FfmpegProcesses;
import com.audioextraction.ffmpeg.InputPolicy;
import com.audioextraction.ffmpeg.StreamingExecCommandExecutor;
import com.audioextraction.format.AudioFormat;
import com.audioextraction.http.AudioStreamer;
import com.audioextraction.http.ErrorResponder;
import com.audioextraction.health.BrokerHealthCheck;
import com.audioextraction.health.BucketHealthCheck;
import com.audioextraction.health.FfmpegHealthCheck;
import com.audioextraction.health.HealthEndpoint;
import com.audioextraction.http.AudioHttpServer;
import com.audioextraction.http.ConnectionTimeouts;
import com.audioextraction.http.HttpRequestReader;
import com.audioextraction.http.JsonErrors;
import com.audioextraction.http.NoEmbeddedServers;
import com.audioextraction.http.RequestBodies;
import com.audioextraction.http.ServiceGate;
import com.audioextraction.metrics.MetricsEndpoint;
import com.audioextraction.jobs.DirectoryOutputStore;
import com.audioextraction.jobs.EmbeddedBroker;
import com.audioextraction.jobs.JobReader;
import com.audioextraction.jobs.JobResults;
import com.audioextraction.jobs.JobRunner;
import com.audioextraction.jobs.JobSubmitter;
import com.audioextraction.jobs.OutputStore;
import com.audioextraction.jobs.S3OutputStore;
import com.audioextraction.health.S3HealthCheck;
import com.audioextraction.s3.S3Connection;
import com.audioextraction.source.S3Sources;
import com.audioextraction.metrics.AudioMetrics;
import com.audioextraction.limits.ApiKeys;
import com.audioextraction.limits.ExtractionSlots;
import com.audioextraction.probe.FfmpegDumpProber;
import com.audioextraction.probe.FfprobeProber;
import com.audioextraction.probe.MediaProber;
import com.audioextraction.request.RequestParser;
import com.audioextraction.source.LocalFileOpener;
import com.audioextraction.source.SourceResolver;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.jms.JmsComponent;
import io.vertx.core.VertxOptions;
import org.apache.camel.component.minio.MinioComponent;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.util.TimeUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@code audio.*} settings (documented in application.properties) and binds the beans
 * the routes call, by name. The single place where settings meet code.
 */
@Configuration
public class AudioConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(AudioConfiguration.class);
    private static final String SERVICE = "audio-extraction " + java.util.Objects.requireNonNullElse(
            AudioConfiguration.class.getPackage().getImplementationVersion(), "(dev)");

    @PropertyInject(value = "audio.minio-data-path", defaultValue = "./data/minio")
    private String minioDataPath;

    @PropertyInject(value = "audio.bucket-name", defaultValue = "videos")
    private String bucketName;

    @PropertyInject(value = "audio.source", defaultValue = "auto")
    private String sourceMode;

    @PropertyInject(value = "audio.s3.endpoint", defaultValue = " ")
    private String s3Endpoint;

    @PropertyInject(value = "audio.s3.access-key", defaultValue = " ")
    private String s3AccessKey;

    @PropertyInject(value = "audio.s3.secret-key", defaultValue = " ")
    private String s3SecretKey;

    @PropertyInject(value = "audio.s3.region", defaultValue = "us-east-1")
    private String s3Region;

    @PropertyInject(value = "audio.s3.timeout", defaultValue = "10s")
    private String s3Timeout;

    @PropertyInject(value = "audio.s3.url-expiry", defaultValue = "1h")
    private String s3UrlExpiry;

    @PropertyInject(value = "audio.temp-dir", defaultValue = "/tmp")
    private String tempDir;

    @PropertyInject(value = "audio.default-audio-format", defaultValue = "mp3")
    private String defaultAudioFormat;

    @PropertyInject(value = "audio.ffmpeg-path", defaultValue = " ")
    private String ffmpegPath;

    @PropertyInject(value = "audio.ffprobe-path", defaultValue = " ")
    private String ffprobePath;

    @PropertyInject(value = "audio.probe-timeout", defaultValue = "30s")
    private String probeTimeout;

    @PropertyInject(value = "audio.max-concurrent-probes", defaultValue = "4")
    private int maxConcurrentProbes;

    @PropertyInject(value = "audio.input-formats")
    private String inputFormats;

    @PropertyInject(value = "audio.max-concurrent-extractions", defaultValue = "0")
    private int maxConcurrentExtractions;

    @PropertyInject(value = "audio.max-queued-requests", defaultValue = "16")
    private int maxQueuedRequests;

    @PropertyInject(value = "audio.queue-timeout", defaultValue = "10s")
    private String queueTimeout;

    @PropertyInject(value = "audio.api-keys", defaultValue = " ")
    private String apiKeys;

    @PropertyInject(value = "audio.api-keys-file", defaultValue = " ")
    private String apiKeysFile;

    @PropertyInject(value = "audio.protect-metrics", defaultValue = "false")
    private boolean protectMetrics;

    @PropertyInject(value = "audio.jobs.enabled", defaultValue = "true")
    private boolean jobsEnabled;

    @PropertyInject(value = "audio.jobs.queue", defaultValue = "audio.jobs")
    private String jobsQueue;

    @PropertyInject(value = "audio.jobs.results-queue", defaultValue = "audio.results")
    private String resultsQueue;

    @PropertyInject(value = "audio.jobs.dead-letter-queue", defaultValue = "audio.jobs.dlq")
    private String deadLetterQueue;

    @PropertyInject(value = "audio.jobs.max-attempts", defaultValue = "3")
    private int maxAttempts;

    @PropertyInject(value = "audio.jobs.output", defaultValue = "directory")
    private String outputKind;

    @PropertyInject(value = "audio.jobs.output-dir", defaultValue = "./data/audio")
    private String outputDir;

    @PropertyInject(value = "audio.jobs.output-bucket", defaultValue = "audio")
    private String outputBucket;

    @PropertyInject(value = "audio.broker.embedded", defaultValue = "true")
    private boolean brokerEmbedded;

    @PropertyInject(value = "audio.broker.data-dir", defaultValue = "./data/broker")
    private String brokerDataDir;

    @PropertyInject(value = "audio.broker.host", defaultValue = "127.0.0.1")
    private String brokerHost;

    @PropertyInject(value = "audio.broker.port", defaultValue = "61616")
    private int brokerPort;

    @PropertyInject(value = "audio.broker.url", defaultValue = "vm://0")
    private String brokerUrl;

    @PropertyInject(value = "audio.broker.user", defaultValue = " ")
    private String brokerUser;

    @PropertyInject(value = "audio.broker.password", defaultValue = " ")
    private String brokerPassword;

    @PropertyInject(value = "audio.shutdown-grace", defaultValue = "30")
    private int shutdownGrace;

    @PropertyInject(value = "audio.max-request-bytes", defaultValue = "65536")
    private int maxRequestBytes;

    @PropertyInject(value = "audio.stall-timeout", defaultValue = "60s")
    private String stallTimeout;

    @PropertyInject(value = "audio.http.idle-timeout")
    private String idleTimeout;

    @PropertyInject(value = "audio.http.body-timeout")
    private String bodyTimeout;

    @PropertyInject(value = "camel.server.host")
    private String serverHost;

    @PropertyInject(value = "camel.server.port")
    private int serverPort;

    @Override
    public void configure(CamelContext context) throws Exception {
        AudioFormat defaultFormat = AudioFormat.byId(defaultAudioFormat.trim()).orElseThrow(() -> new StartupFailure(
                "audio.default-audio-format=" + defaultAudioFormat + " is not one of " + AudioFormat.allowedIds()));
        Path bucketRoot = Path.of(minioDataPath.trim(), bucketName.trim()).toAbsolutePath().normalize();
        StartupChecks.dataPathReadable(Path.of(minioDataPath.trim()), bucketRoot);
        StartupChecks.portFree("the HTTP server (camel.server.port)", serverHost, String.valueOf(serverPort));
        if (jobsEnabled && brokerEmbedded) {
            StartupChecks.portFree("the embedded broker (audio.broker.port)", brokerHost.trim(), String.valueOf(brokerPort));
        }
        InputPolicy inputPolicy = InputPolicy.of(inputFormats);
        LocalFileOpener.checkSupported();
        FfmpegBinary ffmpeg = FfmpegLocator.locate(ffmpegPath);
        Optional<String> ffprobe = FfmpegLocator.ffprobeBeside(ffmpeg, ffprobePath);
        FfmpegProcesses processes = new FfmpegProcesses();
        context.addService(processes, true, true);
        ServiceGate gate = new ServiceGate();
        // Camel waits for in-flight work while it stops (a JMS consumer waits for its job to end):
        // after the grace period the remaining ffmpegs are killed, which ends streams and sends jobs back to the queue
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                gate.stopping();
                processes.killAllAfter(Duration.ofSeconds(shutdownGrace), "the service is stopping and its grace period is over");
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.CamelContextStoppingEvent;
            }
        });
        Duration probeDeadline = duration(probeTimeout);
        MediaProber prober = ffprobe.<MediaProber>map(path -> new FfprobeProber(path, processes, probeDeadline))
                .orElseGet(() -> new FfmpegDumpProber(ffmpeg.path(), processes, probeDeadline));

        Registry registry = context.getRegistry();
        registry.bind("ffmpegProcesses", processes);
        Duration stall = duration(stallTimeout);
        registry.bind("streamingExecutor", new StreamingExecCommandExecutor(processes, stall));
        registry.bind("ffmpegCommand", new FfmpegCommand(ffmpeg));
        RequestBodies bodies = new RequestBodies(maxRequestBytes, duration(bodyTimeout));
        registry.bind("httpRequestReader", new HttpRequestReader(bodies));
        RequestParser parser = new RequestParser(defaultFormat);
        S3Connection s3 = configureS3(context, registry);
        SourceResolver resolver = new SourceResolver(bucketRoot, SourceResolver.Mode.parse(sourceMode),
                s3 == null ? null : bucketName.trim());
        registry.bind("requestParser", parser);
        registry.bind("sourceResolver", resolver);
        registry.bind("localFiles", new LocalFileOpener(bucketRoot, inputPolicy));
        // bound even without a store, as the routes name it; only reached for an S3Object, which needs one
        registry.bind("s3Sources", new S3Sources(s3, duration(s3UrlExpiry), inputPolicy));
        registry.bind("mediaProber", prober);
        registry.bind("extractionPlanner", new ExtractionPlanner());
        int slots = maxConcurrentExtractions > 0 ? maxConcurrentExtractions : Runtime.getRuntime().availableProcessors();
        ExtractionSlots extractionSlots = new ExtractionSlots(slots, maxQueuedRequests, duration(queueTimeout));
        registry.bind("extractionSlots", extractionSlots);
        registry.bind("probeSlots", new ExtractionSlots("probe", maxConcurrentProbes, maxQueuedRequests, duration(queueTimeout)));
        AudioMetrics metrics = new AudioMetrics(() -> registry.findSingleByType(MeterRegistry.class), extractionSlots, processes);
        registry.bind("audioMetrics", metrics);
        context.addStartupListener((started, alreadyStarted) -> metrics.register());
        registry.bind("audioStreamer", new AudioStreamer(stall, metrics));
        registry.bind("ffmpegHealthCheck", new FfmpegHealthCheck(ffmpeg.path()));
        if (resolver.mode() == SourceResolver.Mode.LOCAL) {
            registry.bind("bucketHealthCheck", new BucketHealthCheck(bucketRoot)); // with S3 configured, the local root is optional
        }
        ApiKeys keys = ApiKeys.of(apiKeys, apiKeysFile);
        registry.bind("apiKeys", keys);
        HealthEndpoint health = new HealthEndpoint(context, gate);
        AudioHttpServer server = httpServer(context, bodies, gate, health, keys, slots);
        registry.bind("errorResponder", new ErrorResponder(metrics));
        configureJobs(context, registry, metrics, parser, s3);

        LOG.info("ffmpeg: {} ({}), {}", ffmpeg.path(), ffmpeg.origin(), ffmpeg.version());
        LOG.info("probe: {}", ffprobe.map(p -> "ffprobe " + p).orElse("ffmpeg's input description (no ffprobe found)"));
        LOG.info("videos: {}", switch (resolver.mode()) {
            case LOCAL -> "local files under " + bucketRoot;
            case AUTO -> "local files under " + bucketRoot + ", else bucket " + bucketName.trim() + " at " + s3.endpoint();
            case S3 -> "bucket " + bucketName.trim() + " at " + s3.endpoint() + " only";
        });
        if (resolver.mode() == SourceResolver.Mode.LOCAL && !Files.isDirectory(bucketRoot)) {
            LOG.warn("the bucket folder {} does not exist: every request will be 404 and readiness DOWN until it does", bucketRoot);
        }
        LOG.info("default format: {}; {} concurrent extractions, {} more may wait {}", defaultFormat.id(), slots,
                maxQueuedRequests, queueTimeout.trim());
        LOG.info("API keys: {}", keys.enabled() ? keys.count() + " configured" : "none (every call is let through)");
        String banner = StartupChecks.banner(context, resolver.mode() == SourceResolver.Mode.S3 ? null : bucketRoot,
                s3 == null ? null : "s3 " + s3.endpoint() + "/" + bucketName.trim(), ffmpeg,
                !jobsEnabled ? "off" : brokerEmbedded ? "embedded (tcp://" + brokerHost.trim() + ":" + brokerPort + ")" : brokerUrl.trim());
        context.addStartupListener(new OpenWhenStarted(server, health, banner));
    }

    /**
     * Camel's platform-http server, run by the service (camel.server.enabled=false) so that it opens
     * only once the routes are up, reads bodies on the event loop, times out idle connections and
     * answers health and metrics itself.
     */
    private AudioHttpServer httpServer(CamelContext context, RequestBodies bodies, ServiceGate gate, HealthEndpoint health,
            ApiKeys keys, int slots)
            throws Exception {
        // streams hold a worker thread for as long as they run: room for every slot, every waiter and short calls
        int workers = slots + maxConcurrentProbes + 2 * maxQueuedRequests + 32;
        VertxOptions vertx = new VertxOptions().setWorkerPoolSize(workers)
                .setMaxWorkerExecuteTime(7).setMaxWorkerExecuteTimeUnit(TimeUnit.DAYS); // a long stream is no blocked thread
        VertxPlatformHttpServerConfiguration address = AudioHttpServer.address(serverHost.trim(), serverPort);
        context.getRegistry().bind("platformHttpServerConfiguration", address); // how the REST consumers find the router
        context.addService(health, true, true);
        AudioHttpServer server = new AudioHttpServer(address, vertx, new ConnectionTimeouts(duration(idleTimeout)),
                List.of(bodies, gate, health, new MetricsEndpoint(context, keys, protectMetrics), new JsonErrors()));
        context.addService(server, true, true);
        // bound before anything resolves the platform-http component: camel run would add its own server then
        context.getRegistry().bind("noEmbeddedServers", new NoEmbeddedServers());
        // accept any Content-Type and Accept header, as the original did (curl -d sends a form type); the
        // OpenAPI document still names the JSON body and the audio types. (Set here, not as a
        // camel.component property: camel run resolves the component while it reads those.)
        context.getComponent("platform-http", PlatformHttpComponent.class).setServerRequestValidation(false);
        return server;
    }

    /** The S3 store (MinIO or any S3-compatible one) when audio.s3.endpoint is set, else null. */
    private S3Connection configureS3(CamelContext context, Registry registry) throws Exception {
        if (s3Endpoint.isBlank()) {
            return null;
        }
        S3Connection s3 = new S3Connection(s3Endpoint.trim(), s3AccessKey.trim(), s3SecretKey.trim(), s3Region.trim(),
                duration(s3Timeout));
        // every minio: endpoint uses this client; nothing is contacted until a request needs the store
        context.getComponent("minio", MinioComponent.class).getConfiguration().setMinioClient(s3.client());
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() throws Exception {
                s3.close();
            }
        }, true, true);
        registry.bind("s3HealthCheck", new S3HealthCheck(s3, bucketName.trim()));
        return s3;
    }

    private OutputStore outputStore(CamelContext context, S3Connection s3) throws Exception {
        switch (outputKind.trim()) {
            case "directory":
                return new DirectoryOutputStore(Path.of(outputDir.trim()));
            case "s3":
                if (s3 == null) {
                    throw new StartupFailure("audio.jobs.output=s3 needs an S3 store: set audio.s3.endpoint");
                }
                return new S3OutputStore(s3, outputBucket.trim(), Path.of(tempDir.trim(), "audio-extraction-uploads"),
                        context.createProducerTemplate());
            default:
                throw new StartupFailure("audio.jobs.output=" + outputKind + " is not one of directory, s3");
        }
    }

    private void configureJobs(CamelContext context, Registry registry, AudioMetrics metrics, RequestParser parser,
            S3Connection s3) throws Exception {
        if (jobsEnabled && brokerEmbedded) {
            context.addService(new EmbeddedBroker(Path.of(brokerDataDir.trim()), brokerHost.trim(), brokerPort, jobsQueue.trim(),
                    resultsQueue.trim(), deadLetterQueue.trim(), Math.max(10, maxAttempts * 3)), true, true);
        }
        String user = brokerUser.isBlank() ? null : brokerUser.trim();
        String password = brokerPassword.isBlank() ? null : brokerPassword.trim();
        ActiveMQConnectionFactory connections = new ActiveMQConnectionFactory(brokerUrl.trim(), user, password);
        // set on the component here rather than as camel.component.jms.* so it also holds under `camel run`,
        // which configures components before it compiles (and runs) this class
        context.getComponent("jms", JmsComponent.class).setConnectionFactory(connections);
        if (jobsEnabled) {
            registry.bind("brokerHealthCheck", new BrokerHealthCheck(connections, brokerUrl.trim()));
        }
        OutputStore store = outputStore(context, s3);
        JobReader reader = new JobReader(store);
        registry.bind("jobReader", reader);
        registry.bind("jobRunner", new JobRunner(store));
        registry.bind("jobResults", new JobResults(metrics));
        registry.bind("jobSubmitter", new JobSubmitter(parser, reader, context.createProducerTemplate(),
                "jms:queue:" + jobsQueue.trim() + "?exchangePattern=InOnly"));
        LOG.info("batch jobs: {}; queue {} -> {} (results {}, dead letters {}), broker {}", jobsEnabled ? "on" : "off",
                jobsQueue.trim(), store.location(), resultsQueue.trim(), deadLetterQueue.trim(),
                brokerEmbedded ? "embedded (" + brokerUrl.trim() + ", tcp://" + brokerHost.trim() + ":" + brokerPort + ")"
                        : brokerUrl.trim());
    }

    private static Duration duration(String text) {
        return Duration.ofMillis(TimeUtils.toMilliSeconds(text.trim()));
    }

    /** Opens the HTTP port once everything else (routes, broker) has started, then logs the banner. */
    private static final class OpenWhenStarted implements org.apache.camel.StartupListener {
        private final AudioHttpServer server;
        private final HealthEndpoint health;
        private final String banner;

        private OpenWhenStarted(AudioHttpServer server, HealthEndpoint health, String banner) {
            this.server = server;
            this.health = health;
            this.banner = banner;
        }

        @Override
        public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
            // the port opens at onCamelContextFullyStarted, when every route is up
        }

        @Override
        public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) throws Exception {
            HealthEndpoint.Snapshot checks = health.checkNow();
            server.open();
            String opened = banner.replace("{port}", String.valueOf(server.getPort()));
            if (checks.ready()) {
                LOG.info("{} ready, listening on {}", SERVICE, opened);
            } else {
                LOG.warn("{} NOT READY ({}), listening on {}", SERVICE, checks.down(), opened);
            }
        }
    }
}
