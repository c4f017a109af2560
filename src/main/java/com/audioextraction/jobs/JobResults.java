package com.audioextraction.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.audioextraction.ApiException;
import com.audioextraction.ExchangeKeys;
import com.audioextraction.metrics.AudioMetrics;
import com.audioextraction.request.ExtractionRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The result event of a job, sent to the results queue (and to JMSReplyTo when the job set one):
 * {@code {"id", "savepath", "status": "done"|"failed", "output", "audio_format", "bytes",
 * "duration_seconds", "elapsed_ms", "error"}}.
 */
public class JobResults {

    /** Header on a dead-lettered job: why it failed. */
    public static final String FAILURE_REASON = "AudioFailureReason";

    private static final Logger LOG = LoggerFactory.getLogger(JobResults.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AudioMetrics metrics;

    public JobResults(AudioMetrics metrics) {
        this.metrics = metrics;
    }

    /** Replaces the body with the done event. */
    public void done(Exchange exchange) throws JsonProcessingException {
        OutputStore.Stored stored = exchange.getProperty(ExchangeKeys.JOB_STORED, OutputStore.Stored.class);
        Map<String, Object> event = event(exchange, "done");
        event.put("output", stored.location());
        event.put("bytes", stored.bytes());
        event.put("duration_seconds", exchange.getProperty(ExchangeKeys.JOB_SECONDS, Double.class));
        metrics.jobFinished("done");
        LOG.info("[{}] job done: {}", event.get("id"), stored.location());
        setEvent(exchange, event);
    }

    /**
     * Replaces the body with the failed event; the original job goes to the dead-letter queue with
     * the reason in the {@value #FAILURE_REASON} header (see the job route).
     */
    public void failed(Exchange exchange) throws JsonProcessingException {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = reason(failure);
        Map<String, Object> event = event(exchange, "failed");
        event.put("error", reason);
        exchange.setProperty(FAILURE_REASON, reason);
        metrics.jobFinished("failed");
        LOG.warn("[{}] job failed: {}", event.get("id"), reason);
        setEvent(exchange, event);
    }

    static String reason(Exception failure) {
        if (failure instanceof ApiException api) {
            return api.status() + " " + api.error() + (api.detail() == null ? "" : ": " + api.detail());
        }
        if (failure instanceof JsonProcessingException json) {
            return "400 malformed JSON: " + json.getOriginalMessage();
        }
        return failure == null ? "unknown" : failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }

    private static Map<String, Object> event(Exchange exchange, String status) {
        ExtractionRequest request = exchange.getProperty(ExchangeKeys.REQUEST, ExtractionRequest.class);
        Long started = exchange.getProperty(ExchangeKeys.JOB_STARTED, Long.class);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", exchange.getProperty(ExchangeKeys.JOB_ID, String.class));
        event.put("savepath", request == null ? null : request.savepath());
        event.put("status", status);
        event.put("output", null);
        event.put("audio_format", request == null ? null : request.format().id());
        event.put("bytes", null);
        event.put("duration_seconds", null);
        event.put("elapsed_ms", started == null ? null : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        event.put("error", null);
        return event;
    }

    private static void setEvent(Exchange exchange, Map<String, Object> event) throws JsonProcessingException {
        exchange.getMessage().setBody(JSON.writeValueAsString(event));
        exchange.getMessage().setHeader("JMSCorrelationID", event.get("id"));
    }
}
