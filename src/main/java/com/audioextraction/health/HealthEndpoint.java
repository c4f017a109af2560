package com.audioextraction.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import com.audioextraction.http.RouterSetup;
import com.audioextraction.http.ServiceGate;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /observe/health}, {@code /observe/health/live} and {@code /observe/health/ready}: Camel's
 * health checks (its own and the service's), run on a thread of their own, never on the event loop
 * or the workers that serve requests. A call gets results at most a quarter second old, or waits up
 * to 0.8 s for a new round; a round that takes longer (a store that does not answer) is not waited
 * for: the last results are given. So health answers within a second whatever the load. The JSON is
 * Camel's: {@code {"status": "UP"|"DOWN", "checks": [{"name", "status", "message"}]}}, 503 when DOWN.
 */
public class HealthEndpoint extends ServiceSupport implements RouterSetup {

    private static final Logger LOG = LoggerFactory.getLogger(HealthEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/observe/health";
    private static final long FRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final long WAIT_MILLIS = 800;
    private static final long STALE_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** The results of one round of checks. */
    public record Snapshot(List<HealthCheck.Result> results, long takenNanos) {

        /** Whether every readiness check is UP. */
        public boolean ready() {
            return results.stream().filter(r -> r.getCheck().isReadiness()).allMatch(r -> r.getState() != HealthCheck.State.DOWN);
        }

        /** The checks that are DOWN, with why, for a log line. */
        public String down() {
            return String.join("; ", results.stream().filter(r -> r.getState() == HealthCheck.State.DOWN)
                    .map(r -> r.getCheck().getId() + ": " + r.getMessage().orElse("DOWN")).toList());
        }
    }

    private final CamelContext context;
    private final ServiceGate gate;
    private ExecutorService checker;
    private CompletableFuture<Snapshot> running;
    private volatile Snapshot last;
    private Vertx vertx;

    public HealthEndpoint(CamelContext context, ServiceGate gate) {
        this.context = context;
        this.gate = gate;
    }

    @Override
    public void install(Router router, Vertx vertx) {
        this.vertx = vertx;
        router.get(PATH).order(-70).handler(rc -> answer(rc, check -> true, false));
        router.get(PATH + "/live").order(-70).handler(rc -> answer(rc, HealthCheck::isLiveness, false));
        router.get(PATH + "/ready").order(-70).handler(rc -> answer(rc, HealthCheck::isReadiness, true));
    }

    @Override
    protected void doStart() {
        checker = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "health-checks");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    protected void doStop() {
        if (checker != null) {
            checker.shutdownNow();
        }
    }

    /** Runs every check now and waits for the results. */
    public Snapshot checkNow() throws Exception {
        return refresh().get();
    }

    /** A round of checks: the one under way, or a new one. */
    private synchronized CompletableFuture<Snapshot> refresh() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(() -> {
                Snapshot snapshot = new Snapshot(List.copyOf(HealthCheckHelper.invoke(context, "full")), System.nanoTime());
                last = snapshot;
                return snapshot;
            }, checker);
        }
        return running;
    }

    private void answer(RoutingContext rc, Predicate<HealthCheck> which, boolean readiness) {
        Snapshot snapshot = last;
        if (snapshot != null && System.nanoTime() - snapshot.takenNanos() < FRESH_NANOS) {
            respond(rc, snapshot, which, readiness);
            return;
        }
        Context eventLoop = vertx.getOrCreateContext();
        AtomicBoolean answered = new AtomicBoolean();
        long timer = vertx.setTimer(WAIT_MILLIS, id -> {
            if (answered.compareAndSet(false, true)) {
                respond(rc, last, which, readiness);
            }
        });
        refresh().whenComplete((fresh, failure) -> {
            if (failure != null) {
                LOG.warn("health checks failed to run: {}", failure.toString());
            }
            eventLoop.runOnContext(v -> {
                if (answered.compareAndSet(false, true)) {
                    vertx.cancelTimer(timer);
                    respond(rc, last, which, readiness);
                }
            });
        });
    }

    private void respond(RoutingContext rc, Snapshot snapshot, Predicate<HealthCheck> which, boolean readiness) {
        List<Map<String, Object>> checks = new ArrayList<>();
        boolean up = true;
        if (snapshot == null) {
            up = false;
            checks.add(check("health", "DOWN", "the first health checks have not completed yet"));
        } else {
            for (HealthCheck.Result result : snapshot.results()) {
                if (!which.test(result.getCheck())) {
                    continue;
                }
                up &= result.getState() != HealthCheck.State.DOWN;
                checks.add(check(result.getCheck().getId(), result.getState().name(), result.getMessage().orElse(null)));
            }
            long age = System.nanoTime() - snapshot.takenNanos();
            if (age > STALE_NANOS) {
                up = false;
                checks.add(check("health", "DOWN", "the health checks have not completed for "
                        + TimeUnit.NANOSECONDS.toSeconds(age) + " s"));
            }
        }
        if (readiness && gate.isStopping()) {
            up = false;
            checks.add(check("service", "DOWN", "the service is stopping"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("checks", checks);
        try {
            rc.response().setStatusCode(up ? 200 : 503).putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store").end(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            rc.fail(e);
        }
    }

    private static Map<String, Object> check(String name, String status, String message) {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("name", name);
        check.put("status", status);
        if (message != null) {
            check.put("message", message);
        }
        return check;
    }
}
