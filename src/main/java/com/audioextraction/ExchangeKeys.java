package com.audioextraction;

/** Names of the exchange properties the pipeline steps hand to each other. */
public final class ExchangeKeys {

    /** Which endpoint was called: {@code extract} or {@code probe} (a metrics tag). */
    public static final String ENDPOINT = "audioEndpoint";
    /** Short id of the request, on every log line about it. */
    public static final String REQUEST_ID = "audioRequestId";
    /** The validated {@link com.audioextraction.request.ExtractionRequest}. */
    public static final String REQUEST = "audioRequest";
    /** The resolved {@link com.audioextraction.source.Source}. */
    public static final String SOURCE = "audioSource";
    /** The {@link com.audioextraction.extraction.ExtractionPlan}: chosen stream and output shape. */
    public static final String PLAN = "audioPlan";
    /** A batch job's id (also its request id). */
    public static final String JOB_ID = "audioJobId";
    /** A batch job's output_key, when it gave one. */
    public static final String JOB_OUTPUT_KEY = "audioJobOutputKey";
    /** When the job was taken from the queue (System.nanoTime). */
    public static final String JOB_STARTED = "audioJobStarted";
    /** The file the job's ffmpeg writes ({@link com.audioextraction.jobs.OutputStore.PendingOutput}). */
    public static final String JOB_OUTPUT = "audioJobOutput";
    /** Seconds of audio the job's ffmpeg wrote. */
    public static final String JOB_SECONDS = "audioJobSeconds";
    /** Where the job's audio was stored ({@link com.audioextraction.jobs.OutputStore.Stored}). */
    public static final String JOB_STORED = "audioJobStored";
    /** Who waits for an extraction slot: {@link com.audioextraction.limits.ExtractionSlots.Priority}. */
    public static final String PRIORITY = "audioPriority";
    /** The Vert.x response of an HTTP request, written to directly while streaming. */
    public static final String HTTP_RESPONSE = "audioHttpResponse";

    private ExchangeKeys() {
    }
}
