package com.audioextraction;

/**
 * Names of the exchange properties the pipeline steps hand to each other. The routes pass them to
 * the beans by name ({@code ${exchangeProperty.audioPlan}}); few beans read them themselves.
 */
public final class ExchangeKeys {

    /** Which endpoint was called: {@code extract}, {@code probe}, {@code jobs} or {@code job} (a metrics tag). */
    public static final String ENDPOINT = "audioEndpoint";
    /** Short id of the request, on every log line about it. */
    public static final String REQUEST_ID = "audioRequestId";
    /** The validated {@link com.audioextraction.request.ExtractionRequest}. */
    public static final String REQUEST = "audioRequest";
    /** The opened {@link com.audioextraction.source.Source}. */
    public static final String SOURCE = "audioSource";
    /** An ffmpeg started beside the probe ({@link com.audioextraction.http.HeadStart.Early}), or absent. */
    public static final String HEAD_START = "audioHeadStart";
    /** The {@link com.audioextraction.extraction.ExtractionPlan}: chosen stream and output shape. */
    public static final String PLAN = "audioPlan";
    /** Who waits for an extraction slot: {@link com.audioextraction.limits.ExtractionSlots.Priority}. */
    public static final String PRIORITY = "audioPriority";
    /** The Vert.x response of an HTTP request, written to directly while streaming. */
    public static final String HTTP_RESPONSE = "audioHttpResponse";
    /** The speech found for a speech_only extraction, /speech or /chunks ({@link com.audioextraction.speech.SpeechAnalysis}). */
    public static final String SPEECH = "audioSpeech";
    /** How /chunks cuts ({@link com.audioextraction.speech.ChunkSettings}). */
    public static final String CHUNK_SETTINGS = "audioChunkSettings";
    /** A split job's chunks ({@link com.audioextraction.speech.ChunkPlan}). */
    public static final String CHUNK_PLAN = "audioChunkPlan";
    /** A batch job as read from its message ({@link com.audioextraction.jobs.Job}). */
    public static final String JOB = "audioJob";
    /** The job message as it arrived (what goes to the dead-letter queue). */
    public static final String JOB_MESSAGE = "audioJobMessage";
    /** The job message's JMSReplyTo, if any. */
    public static final String JOB_REPLY_TO = "audioJobReplyTo";
    /** When the job was taken from the queue (System.nanoTime). */
    public static final String JOB_STARTED = "audioJobStarted";
    /** The file the job's ffmpeg writes ({@link com.audioextraction.jobs.OutputStore.PendingOutput}). */
    public static final String JOB_OUTPUT = "audioJobOutput";
    /** Seconds of audio the job's ffmpeg wrote. */
    public static final String JOB_SECONDS = "audioJobSeconds";
    /** Where the job's audio was published ({@link com.audioextraction.jobs.OutputStore.Stored}). */
    public static final String JOB_STORED = "audioJobStored";

    private ExchangeKeys() {
    }
}
