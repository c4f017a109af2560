package com.audioextraction.http;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's HTTP server: Camel's platform-http server (Vert.x), whose router the REST routes
 * register on, with what a port open to untrusted clients needs (Camel's embedded server stays off):
 * <ul>
 * <li>it listens only once every route is up ({@link #open}): before that a client gets
 *     "connection refused", never a 404 for a route about to exist;</li>
 * <li>the {@link RouterSetup}s run ahead of Camel's handlers: request bodies read on the event loop,
 *     connection timeouts, the stopping gate, health and metrics;</li>
 * <li>malformed requests (a bad Content-Length, huge headers) get the JSON error shape too.</li>
 * </ul>
 */
public class AudioHttpServer extends VertxPlatformHttpServer {

    private static final Logger LOG = LoggerFactory.getLogger(AudioHttpServer.class);
    private static final long OPEN_TIMEOUT_SECONDS = 30;

    private final VertxPlatformHttpServerConfiguration configuration;
    private final Vertx vertx;
    private final ConnectionTimeouts timeouts;
    private final List<RouterSetup> setups;
    private VertxPlatformHttpRouter router;
    private volatile HttpServer server;

    /** @param setups installed in this order; {@code timeouts} also sees every new connection */
    public AudioHttpServer(VertxPlatformHttpServerConfiguration configuration, VertxOptions options, ConnectionTimeouts timeouts,
            List<RouterSetup> setups) {
        super(configuration);
        this.configuration = configuration;
        this.vertx = Vertx.vertx(options);
        this.timeouts = timeouts;
        this.setups = List.copyOf(setups);
    }

    /** The server's own Vert.x (closed with it), rather than one Camel's server would look up or create. */
    @Override
    protected Vertx lookupVertx() {
        return vertx;
    }

    /** An address to listen on, as Camel's server takes it. */
    public static VertxPlatformHttpServerConfiguration address(String host, int port) {
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost(host);
        configuration.setBindPort(port);
        return configuration;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        initializeServer(); // the router, in the registry for the routes' consumers; no port yet
        router = VertxPlatformHttpRouter.lookup(getCamelContext(),
                VertxPlatformHttpRouter.getRouterNameFromPort(configuration.getBindPort()));
        timeouts.install(router, getVertx());
        for (RouterSetup setup : setups) {
            setup.install(router, getVertx());
        }
    }

    @Override
    protected void doStart() {
        // nothing: the port opens with open(), once the routes are up
    }

    /** Starts listening (call once the routes are up); fails when the port cannot be bound. */
    public void open() throws Exception {
        // HTTP/1.1 only: one large response per request gains nothing from HTTP/2, and a failed stream
        // must end in a broken connection that every client notices (an HTTP/2 reset ends one stream)
        HttpServer created = vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false))
                .connectionHandler(timeouts::connected)
                .invalidRequestHandler(JsonErrors::invalidRequest)
                .requestHandler(router);
        server = created.listen(configuration.getBindPort(), configuration.getBindHost())
                .toCompletionStage().toCompletableFuture().get(OPEN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        LOG.debug("listening on {}:{}", configuration.getBindHost(), server.actualPort());
    }

    @Override
    public HttpServer getServer() {
        return server;
    }

    @Override
    public int getPort() {
        HttpServer listening = server;
        return listening != null ? listening.actualPort() : configuration.getBindPort();
    }

    @Override
    protected void doStop() throws Exception {
        HttpServer listening = server;
        server = null;
        if (listening != null) {
            listening.close().toCompletionStage().toCompletableFuture().get(OPEN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(OPEN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
