package com.audioextraction.routes;

import com.audioextraction.ApiException;
import com.audioextraction.ExchangeKeys;
import com.audioextraction.Held;
import com.audioextraction.jobs.JobResults;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Predicate;
import org.apache.camel.builder.RouteBuilder;

/**
 * Batch extraction: jobs from the queue run through the same pipeline as HTTP requests and land in
 * the output store; a result event goes to the results queue (and to JMSReplyTo). Consumption is
 * transacted: a job interrupted by a crash or a stop goes back to the queue. A job that keeps
 * failing is retried with backoff, then dead-lettered with its reason; a malformed one at once.
 */
public class JobRoutes extends RouteBuilder {

    /** Failures that retrying cannot fix: malformed jobs, bad options, missing videos, non-media. */
    private static final Predicate NOT_WORTH_RETRYING = exchange -> {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        return e instanceof JsonProcessingException || (e instanceof ApiException api && api.status() < 500);
    };
    /** While the service stops, a failing job is not failed: it goes back to the queue. */
    private static final Predicate RUNNING = exchange -> !exchange.getContext().isStopping();

    @Override
    public void configure() {
        int attempts = Integer.parseInt(getContext().resolvePropertyPlaceholders("{{audio.jobs.max-attempts}}"));

        // disableReplyTo: the reply is sent by publish-result, where a failure to reply cannot roll back a finished job
        from("jms:queue:{{audio.jobs.queue}}?transacted=true&disableReplyTo=true"
                + "&concurrentConsumers={{audio.jobs.concurrent-consumers}}")
                .routeId("batch-jobs")
                .autoStartup("{{audio.jobs.enabled}}")
                .onException(Exception.class)
                    .onWhen(exchange -> RUNNING.matches(exchange) && NOT_WORTH_RETRYING.matches(exchange))
                    .handled(true)
                    .to("direct:job-failed")
                .end()
                .onException(Exception.class)
                    .onWhen(RUNNING)
                    .maximumRedeliveries(attempts - 1).redeliveryDelay(1000).useExponentialBackOff().backOffMultiplier(2)
                    .retryAttemptedLogLevel(LoggingLevel.WARN)
                    .handled(true)
                    .to("direct:job-failed")
                .end()
                .setProperty("audioJobBody", body().convertToString())
                .setProperty("audioJobReplyTo", header("JMSReplyTo"))
                .bean("jobReader", "begin")
                .to("direct:run-job")
                .bean("jobResults", "done")
                .to("direct:publish-result");

        // one attempt: validate -> locate -> slot -> open -> probe -> plan -> reserve the output -> ffmpeg -> publish
        from("direct:run-job")
                .routeId("run-job")
                .errorHandler(noErrorHandler()) // the job route retries the whole attempt
                .doTry()
                    .to("direct:prepare-extraction")
                    .bean("jobRunner", "reserveOutput")
                    .bean("ffmpegCommand", "toFile") // ffmpeg writes the output file itself: complete headers
                    .to("exec:ffmpeg?commandExecutor=#streamingExecutor&commandLogLevel=OFF")
                    .bean("jobRunner", "run")
                .doFinally()
                    .bean(Held.class, "releaseAll") // the slot and the open video, after each attempt
                .end();

        from("direct:job-failed")
                .routeId("job-failed")
                .bean("jobResults", "failed")
                .setProperty("audioJobResult", body())
                .setBody(exchangeProperty("audioJobBody"))
                .setHeader(JobResults.FAILURE_REASON, exchangeProperty(JobResults.FAILURE_REASON))
                .to("jms:queue:{{audio.jobs.dead-letter-queue}}?exchangePattern=InOnly")
                .setBody(exchangeProperty("audioJobResult"))
                .to("direct:publish-result");

        // the result event to the results queue, and to the job's JMSReplyTo when it set one
        from("direct:publish-result")
                .routeId("publish-result")
                .removeHeaders("*", "JMSCorrelationID")
                .to("jms:queue:{{audio.jobs.results-queue}}?exchangePattern=InOnly")
                .filter(exchangeProperty("audioJobReplyTo").isNotNull())
                    .doTry()
                        .setHeader("CamelJmsDestination", exchangeProperty("audioJobReplyTo"))
                        .to("jms:queue:reply-to?exchangePattern=InOnly")
                    .doCatch(Exception.class)
                        .log(LoggingLevel.WARN, "[${exchangeProperty." + ExchangeKeys.JOB_ID
                                + "}] cannot send the result to the job's reply-to: ${exception.message}")
                    .end()
                .end();

        // POST /jobs (see RestApi)
        from("direct:http-submit-jobs")
                .routeId("http-submit-jobs")
                .routeConfigurationId(HttpErrorConfiguration.ID)
                .setProperty(ExchangeKeys.ENDPOINT, constant("jobs"))
                .to("direct:read-http-request")
                .bean("jobSubmitter", "submit")
                .removeHeaders("*")
                .marshal().json()
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"));
    }
}
