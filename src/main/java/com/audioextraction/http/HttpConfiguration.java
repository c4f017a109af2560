package com.audioextraction.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.audioextraction.AfterConfiguration;
import com.audioextraction.Ports;
import com.audioextraction.WhenStopping;
import com.audioextraction.extraction.ExtractionPlanner;
import com.audioextraction.ffmpeg.FfmpegBinary;
import com.audioextraction.ffmpeg.FfmpegCommand;
import com.audioextraction.health.HealthEndpoint;
import com.audioextraction.jobs.JobsConfiguration.BatchJobs;
import com.audioextraction.limits.ExtractionSlots;
import com.audioextraction.metrics.AudioMetrics;
import com.audioextraction.metrics.MetricsEndpoint;
import com.audioextraction.s3.S3Connection;
import com.audioextraction.source.SourceResolver;
import io.vertx.core.VertxOptions;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.spi.Registry;

/**
 * The HTTP side: the service's own platform-http server (camel.server.host/port, audio.http.*), what
 * it installs ahead of Camel's routes, and the steps of the HTTP routes.
 */
@Configuration
public class HttpConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public RequestBodies requestBodies(@PropertyInject("audio.max-request-bytes") int maxBytes,
            @PropertyInject("audio.http.body-timeout") Duration timeout) {
        return new RequestBodies(maxBytes, timeout);
    }

    @BindToRegistry(lazy = true)
    public HeadStart headStart(ExtractionPlanner planner, FfmpegCommand command,
            @PropertyInject("audio.probe-timeout") Duration describeTimeout) {
        return new HeadStart(planner, command, describeTimeout);
    }

    @BindToRegistry(lazy = true)
    public HttpRequestReader httpRequestReader(RequestBodies bodies) {
        return new HttpRequestReader(bodies);
    }

    @BindToRegistry(lazy = true)
    public ConnectionTimeouts connectionTimeouts(@PropertyInject("audio.http.idle-timeout") Duration idle) {
        return new ConnectionTimeouts(idle);
    }

    /** Turns API calls away while the service stops (it hears of the stop from Camel's event). */
    @BindToRegistry(lazy = true)
    public ServiceGate serviceGate(CamelContext context) {
        ServiceGate gate = new ServiceGate();
        WhenStopping.run(context, gate::stopping);
        return gate;
    }

    @BindToRegistry(lazy = true)
    public JsonErrors jsonErrors() {
        return new JsonErrors();
    }

    @BindToRegistry(lazy = true)
    public AudioStreamer audioStreamer(@PropertyInject("audio.stall-timeout") Duration stallTimeout, AudioMetrics metrics) {
        return new AudioStreamer(stallTimeout, metrics);
    }

    @BindToRegistry(lazy = true)
    public ErrorResponder errorResponder(AudioMetrics metrics) {
        return new ErrorResponder(metrics);
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        String host = context.resolvePropertyPlaceholders("{{camel.server.host}}").trim();
        int port = Integer.parseInt(context.resolvePropertyPlaceholders("{{camel.server.port}}").trim());
        Ports.requireFree("the HTTP server (camel.server.port)", host, port);
        // bound before anything resolves the platform-http component: camel run would add its own server then
        context.getRegistry().bind("noEmbeddedServers", new NoEmbeddedServers());
        // accept any Content-Type and Accept header, as the original did (curl -d sends a form type); the
        // OpenAPI document still names the JSON body and the audio types. (Set here, not as a
        // camel.component property: camel run resolves the component while it reads those.)
        context.getComponent("platform-http", PlatformHttpComponent.class).setServerRequestValidation(false);
        AfterConfiguration.run(context, started -> server(started, host, port));
    }

    /** The server, its router bound for the REST routes' consumers, to be opened once they are up. */
    private static void server(CamelContext context, String host, int port) throws Exception {
        Registry registry = context.getRegistry();
        ExtractionSlots extractions = registry.lookupByNameAndType("extractionSlots", ExtractionSlots.class);
        ExtractionSlots probes = registry.lookupByNameAndType("probeSlots", ExtractionSlots.class);
        // a stream holds a worker thread for as long as it runs: room for every slot, every waiter and short calls
        int workers = extractions.slots() + probes.slots() + 2 * extractions.maxQueued() + 32;
        VertxOptions vertx = new VertxOptions().setWorkerPoolSize(workers)
                .setMaxWorkerExecuteTime(7).setMaxWorkerExecuteTimeUnit(TimeUnit.DAYS); // a long stream is no blocked thread
        VertxPlatformHttpServerConfiguration address = AudioHttpServer.address(host, port);
        registry.bind("platformHttpServerConfiguration", address); // how the REST consumers find the router
        HealthEndpoint health = registry.findSingleByType(HealthEndpoint.class);
        AudioHttpServer server = new AudioHttpServer(address, vertx, registry.findSingleByType(ConnectionTimeouts.class),
                List.of(registry.findSingleByType(RequestBodies.class), registry.findSingleByType(ServiceGate.class), health,
                        registry.findSingleByType(MetricsEndpoint.class), registry.findSingleByType(JsonErrors.class)));
        context.addService(server, true, true);
        server.init(); // binds the router now: the routes' consumers look for it when they are set up
        FfmpegBinary ffmpeg = registry.findSingleByType(FfmpegBinary.class);
        String facts = "videos " + registry.findSingleByType(SourceResolver.class).describe(
                registry.findSingleByType(S3Connection.class).endpoint()) + " | ffmpeg " + ffmpeg.path() + " (" + ffmpeg.origin()
                + ") | broker " + registry.findSingleByType(BatchJobs.class).broker();
        context.addStartupListener(new OpenWhenStarted(server, health, host, facts));
    }
}
