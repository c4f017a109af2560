package com.audioextraction.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.audioextraction.Failures;
import com.audioextraction.extraction.ExtractionPlan;
import com.audioextraction.metrics.AudioMetrics;
import com.audioextraction.request.ExtractionRequest;
import com.audioextraction.speech.ChunkPlan;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The result event of a job, sent to the results queue (and to JMSReplyTo when the job set one):
 * {@code {"id", "savepath", "status": "done"|"failed", "output", "audio_format", "bytes",
 * "duration_seconds", "elapsed_ms", "error", "node"}}; {@code node} names the instance that ran it.
 */
public class JobResults {

    /** Header on a dead-lettered job: why it failed. */
    public static final String FAILURE_REASON = "AudioFailureReason";

    private static final Logger LOG = LoggerFactory.getLogger(JobResults.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AudioMetrics metrics;
    private final String node;

    /** @param node which instance this is, in every event (audio.node-name) */
    public JobResults(AudioMetrics metrics, String node) {
        this.metrics = metrics;
        this.node = node;
    }

    /** {@code <host>:<http port>}: tells instances apart on one machine and across machines. */
    public static String defaultNodeName(int port) {
        return HostName.VALUE + ":" + port;
    }

    /** The done event of {@code job}, stored as {@code stored}, {@code seconds} of audio. */
    public String done(Job job, ExtractionPlan plan, OutputStore.Stored stored, Double seconds, Long startedNanos)
            throws JsonProcessingException {
        Map<String, Object> event = event(job, plan.request(), "done", startedNanos);
        event.put("output", stored.location());
        event.put("bytes", stored.bytes());
        event.put("duration_seconds", seconds);
        if (plan.speech() != null) {
            event.put("segments", plan.speech().segments()); // speech_only: where each stretch of the output comes from
        }
        metrics.jobFinished("done");
        LOG.info("[{}] job done: {}", event.get("id"), stored.location());
        return JSON.writeValueAsString(event);
    }

    /**
     * The event of a job with "split": its chunk plan (the chunks themselves went to the chunks queue,
     * one message each), for a collector that puts the transcripts back together in order.
     */
    public String planned(Job job, ExtractionRequest request, ChunkPlan plan, Long startedNanos) throws JsonProcessingException {
        Map<String, Object> event = event(job, request, "planned", startedNanos);
        event.put("chunk_count", plan.chunks().size());
        event.put("chunks", plan.chunks());
        metrics.jobFinished("planned");
        LOG.info("[{}] job planned: {} chunks", event.get("id"), plan.chunks().size());
        return JSON.writeValueAsString(event);
    }

    /** The message of one chunk of a split job, for the transcription workers that take chunks. */
    public String chunk(Job job, ChunkPlan plan, ChunkPlan.Chunk chunk) throws JsonProcessingException {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("job_id", job.id());
        message.put("index", chunk.index());
        message.put("count", plan.chunks().size());
        message.put("savepath", plan.savepath());
        message.put("audio_format", plan.audioFormat());
        message.put("start", chunk.start());
        message.put("duration", chunk.duration());
        message.put("url", chunk.url());
        return JSON.writeValueAsString(message);
    }

    /** The failed event; {@code job} and {@code request} are null when the message could not be read that far. */
    public String failed(Job job, ExtractionRequest request, Exception failure, Long startedNanos) throws JsonProcessingException {
        Map<String, Object> event = event(job, request, "failed", startedNanos);
        event.put("error", Failures.reason(failure));
        metrics.jobFinished("failed");
        LOG.warn("[{}] job failed: {}", event.get("id"), event.get("error"));
        return JSON.writeValueAsString(event);
    }

    private Map<String, Object> event(Job job, ExtractionRequest request, String status, Long startedNanos) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", job == null ? UUID.randomUUID().toString() : job.id());
        event.put("savepath", request == null ? null : request.savepath());
        event.put("status", status);
        event.put("output", null);
        event.put("audio_format", request == null ? null : request.format().id());
        event.put("bytes", null);
        event.put("duration_seconds", null);
        event.put("elapsed_ms", startedNanos == null ? null : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos));
        event.put("error", null);
        event.put("node", node);
        return event;
    }
}
