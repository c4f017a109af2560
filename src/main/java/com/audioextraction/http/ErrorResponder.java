package com.audioextraction.http;

import java.util.LinkedHashMap;
import java.util.Map;

import com.audioextraction.ApiException;
import com.audioextraction.ExchangeKeys;
import com.audioextraction.metrics.AudioMetrics;
import com.audioextraction.request.ExtractionRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns any failure before the first audio byte into the JSON error the client gets:
 * {@code {"error": "...", "detail": "..."}} with the matching status. The one place where
 * exceptions become HTTP statuses.
 */
public class ErrorResponder {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponder.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AudioMetrics metrics;

    public ErrorResponder(AudioMetrics metrics) {
        this.metrics = metrics;
    }

    public void respond(Exchange exchange) throws JsonProcessingException {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        ApiException error = toApiException(failure);
        String id = exchange.getProperty(ExchangeKeys.REQUEST_ID, "-", String.class);
        if (error.status() >= 500) {
            if (failure instanceof ApiException) {
                LOG.warn("[{}] {} {}: {}", id, error.status(), error.error(), error.detail());
            } else {
                LOG.error("[{}] {} unexpected failure", id, error.status(), failure);
            }
        } else {
            LOG.info("[{}] {} {}: {}", id, error.status(), error.error(), error.detail());
        }

        ExtractionRequest request = exchange.getProperty(ExchangeKeys.REQUEST, ExtractionRequest.class);
        if (error.ffmpegCause() != null) {
            metrics.ffmpegFailed(error.ffmpegCause());
        }
        metrics.answered(exchange.getProperty(ExchangeKeys.ENDPOINT, "extract", String.class),
                request == null ? null : request.format().id(), error.status());

        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error.error());
        body.put("detail", error.detail());
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, error.status());
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("X-Request-Id", id);
        if (error.retryAfterSeconds() != null) {
            message.setHeader("Retry-After", error.retryAfterSeconds());
        }
        if (error.status() == 401) {
            message.setHeader("WWW-Authenticate", "Bearer realm=\"audio-extraction\"");
        }
        if (error.status() == 413) {
            // the rest of an oversized body is not read: do not keep the connection for it
            message.setHeader("Connection", "close");
        }
        message.setBody(JSON.writeValueAsString(body));
    }

    static ApiException toApiException(Exception failure) {
        if (failure instanceof ApiException api) {
            return api;
        }
        if (failure instanceof JsonProcessingException json) {
            return ApiException.badRequest("malformed JSON", json.getOriginalMessage());
        }
        return ApiException.internal("internal error", failure == null ? "unknown" : failure.toString());
    }
}
