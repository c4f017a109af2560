package com.audioextraction.routes;

import com.audioextraction.Failures;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Predicate;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * How a job route answers a failure: a job that cannot succeed (malformed, bad options, no such
 * video, not media: {@link Failures#isPermanent}) fails at once; any other is tried again with
 * backoff (audio.jobs.max-attempts in all, audio.jobs.retry-delay first), then fails. A failed job goes to the dead-letter queue
 * with its reason and a failed event is published. While the service stops, nothing fails: the
 * transaction rolls back and the job returns to the queue.
 */
public class JobErrorConfiguration extends RouteConfigurationBuilder {

    public static final String ID = "job-errors";

    private static final Predicate RUNNING = exchange -> !exchange.getContext().isStopping();
    private static final Predicate PERMANENT = exchange -> Failures.isPermanent(
            exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));

    @Override
    public void configuration() {
        int attempts = Integer.parseInt(getContext().resolvePropertyPlaceholders("{{audio.jobs.max-attempts}}"));
        long delay = getContext().getTypeConverter().convertTo(java.time.Duration.class,
                getContext().resolvePropertyPlaceholders("{{audio.jobs.retry-delay}}")).toMillis();
        routeConfiguration(ID)
                .onException(Exception.class)
                    .onWhen(exchange -> RUNNING.matches(exchange) && PERMANENT.matches(exchange))
                    .handled(true)
                    .to("direct:job-failed")
                .end()
                .onException(Exception.class)
                    .onWhen(RUNNING)
                    .maximumRedeliveries(attempts - 1).redeliveryDelay(delay).useExponentialBackOff().backOffMultiplier(2)
                    .retryAttemptedLogLevel(LoggingLevel.WARN)
                    .handled(true)
                    .to("direct:job-failed");
    }
}
