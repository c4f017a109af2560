package com.audioextraction.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.audioextraction.ApiException;
import com.audioextraction.request.ExtractionRequest;
import com.audioextraction.request.RequestParser;
import com.audioextraction.source.SourceResolver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.ProducerTemplate;

/**
 * POST /jobs: one job object or an array of them, validated as the queue would (an invalid job is
 * a 400 here instead of a dead letter there), then enqueued together. Answers the ids.
 */
public class JobSubmitter {

    private static final int MAX_JOBS = 10_000;

    private final RequestParser parser;
    private final SourceResolver resolver;
    private final DirectoryOutputStore store;
    private final ProducerTemplate producer;
    private final String queueUri;

    public JobSubmitter(RequestParser parser, SourceResolver resolver, DirectoryOutputStore store, ProducerTemplate producer,
            String queueUri) {
        this.parser = parser;
        this.resolver = resolver;
        this.store = store;
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

    private String validate(JsonNode job, String which) {
        try {
            if (job == null || !job.isObject()) {
                throw ApiException.badRequest("a job must be a JSON object", "e.g. {\"savepath\": \"youtube/abc123.mp4\"}");
            }
            String id = JobReader.id(job);
            ((ObjectNode) job).put("id", id);
            ExtractionRequest request = parser.parse(job, id);
            resolver.resolve(request.savepath(), id);
            JsonNode key = job.get("output_key");
            if (key != null && !key.isNull()) {
                store.resolve(key.asText());
            }
            return id;
        } catch (ApiException e) {
            throw new ApiException(e.status(), which + e.error(), e.detail());
        }
    }
}
