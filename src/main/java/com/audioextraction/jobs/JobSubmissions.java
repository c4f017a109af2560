package com.audioextraction.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.audioextraction.ApiException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * POST /jobs around the job routes' steps: one job object or an array of them, each checked as
 * the queue's consumer would check it before any is queued; the answer is their ids.
 */
public class JobSubmissions {

    private static final int MAX_JOBS = 10_000;

    /** The jobs in a POST /jobs body: one object, or an array of 1 to 10,000. */
    public List<JsonNode> list(JsonNode body) {
        List<JsonNode> jobs = new ArrayList<>();
        if (body != null && body.isArray()) {
            body.forEach(jobs::add);
        } else {
            jobs.add(body);
        }
        if (jobs.isEmpty() || jobs.size() > MAX_JOBS) {
            throw ApiException.badRequest("invalid job list", "send 1 to " + MAX_JOBS + " jobs");
        }
        return jobs;
    }

    /** A refused job, named by its place in the list when there are several (nothing is queued). */
    public void refused(ApiException refusal, int index, int count) {
        throw count > 1 ? new ApiException(refusal.status(), "job " + index + ": " + refusal.error(), refusal.detail()) : refusal;
    }

    /** The answer: {@code {"ids": [...]}}. */
    public Map<String, List<String>> accepted(List<Job> jobs) {
        return Map.of("ids", jobs.stream().map(Job::id).toList());
    }
}
