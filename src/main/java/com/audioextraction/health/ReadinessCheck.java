package com.audioextraction.health;

import java.time.Duration;
import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * A readiness check of the service's own (liveness does not depend on it). A healthy answer is
 * kept for {@code cacheFor}, so frequent probes from a load balancer do not repeat costly checks;
 * a failing one is checked again on every call, so recovery shows at once.
 */
abstract class ReadinessCheck extends AbstractHealthCheck {

    private final String detailName;
    private final String detailValue;
    private final long cacheNanos;
    private long healthyAt;

    ReadinessCheck(String id, String detailName, String detailValue, Duration cacheFor) {
        super("audio", id);
        this.detailName = detailName;
        this.detailValue = detailValue;
        this.cacheNanos = cacheFor.toNanos();
    }

    /** What is wrong, or null when all is well (a healthy answer is kept for the cache time). */
    protected abstract String findProblem();

    /** A cheap check run on every call, before the cached one: what is wrong, or null. */
    protected String quickProblem() {
        return null;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail(detailName, detailValue);
        String problem = problem();
        if (problem == null) {
            builder.up();
        } else {
            builder.message(problem).down();
        }
    }

    private synchronized String problem() {
        String quick = quickProblem();
        if (quick != null) {
            healthyAt = 0;
            return quick;
        }
        long now = System.nanoTime();
        if (healthyAt != 0 && now - healthyAt < cacheNanos) {
            return null;
        }
        String problem = findProblem();
        healthyAt = problem == null ? now : 0;
        return problem;
    }
}
