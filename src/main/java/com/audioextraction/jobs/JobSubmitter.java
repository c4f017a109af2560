package com.audioextraction.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.audioextraction.ApiException;
import com.audioextraction.ExchangeKeys;
import com.audioextraction.request.ExtractionRequest;
import com.audioextraction.request.RequestParser;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * POST /jobs: one job object or an array of them, validated as the queue would (an invalid job is
 * a 400 here instead of a dead letter there), then enqueued together. Answers the ids.
 */
public class JobSubmitter {

    private static final int MAX_JOBS = 10_000;

    private final RequestParser parser;
    private final JobReader reader;
    private final ProducerTemplate producer;
    private final String queueUri;

    public JobSubmitter(RequestParser parser, JobReader reader, ProducerTemplate producer, String queueUri) {
        this.parser = parser;
        this.reader = reader;
        this.producer = producer;
        this.queueUri = queueUri;
    }

    public Map<String, List<String>> submit(JsonNode body) {
        List<JsonNode> jobs = new ArrayList<>();
        if (body != null && body.isArray()) {
            body.forEach(jobs::add);
        } else {
            jobs.add(body);
        }
        if (jobs.isEmpty() || jobs.size() > MAX_JOBS) {
            throw ApiException.badRequest("invalid job list", "send 1 to " + MAX_JOBS + " jobs");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            ids.add(validate(jobs.get(i), jobs.size() > 1 ? "job " + i + ": " : ""));
        }
        for (JsonNode job : jobs) {
            producer.sendBody(queueUri, job.toString());
        }
        return Map.of("ids", ids);
    }

    /** The video exists, locally or in the S3 store: the same resolution a running job does (400, 404 or 502 if not). */
    private void requireVideo(String savepath, String id) {
        Exchange located = producer.send("direct:resolve-source", exchange -> {
            exchange.getMessage().setBody(savepath);
            exchange.setProperty(ExchangeKeys.REQUEST_ID, id);
        });
        Exception failure = located.getException();
        if (failure instanceof ApiException api) {
            throw api;
        }
        if (failure != null) {
            throw new IllegalStateException("cannot check " + savepath, failure);
        }
    }

    private String validate(JsonNode job, String which) {
        try {
            String id = reader.checkJob(job);
            ExtractionRequest request = parser.parse(job, id);
            requireVideo(request.savepath(), id);
            return id;
        } catch (ApiException e) {
            throw new ApiException(e.status(), which + e.error(), e.detail());
        }
    }
}
