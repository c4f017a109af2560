package com.audioextraction.metrics;

import java.time.Duration;
import java.util.function.Supplier;

import com.audioextraction.ffmpeg.FfmpegProcesses;
import com.audioextraction.limits.ExtractionSlots;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The service's own meters, published with Camel's at /observe/metrics (Prometheus text):
 * <ul>
 * <li>{@code audio_requests_total{endpoint,format,status}}: answers by status (200 counts streams begun)</li>
 * <li>{@code audio_bytes_sent_total{format}}: audio bytes sent</li>
 * <li>{@code audio_extraction_seconds{format,outcome}}: extraction time, a histogram</li>
 * <li>{@code audio_extractions_active}, {@code audio_extractions_queued}, {@code audio_ffmpeg_processes}: gauges</li>
 * <li>{@code audio_ffmpeg_failures_total{cause}}: not_media, no_audio, failed, failed_mid_stream, stalled</li>
 * <li>{@code audio_client_disconnects_total}: clients gone before the end</li>
 * <li>{@code audio_jobs_total{outcome}}: batch jobs done or failed</li>
 * </ul>
 * The registry is Camel's Micrometer one, looked up when first needed (it exists once the context
 * has started); without one the meters go nowhere.
 */
public class AudioMetrics {

    private final Supplier<MeterRegistry> lookup;
    private final ExtractionSlots slots;
    private final FfmpegProcesses processes;
    private volatile MeterRegistry registry;

    public AudioMetrics(Supplier<MeterRegistry> lookup, ExtractionSlots slots, FfmpegProcesses processes) {
        this.lookup = lookup;
        this.slots = slots;
        this.processes = processes;
    }

    private MeterRegistry registry() {
        MeterRegistry r = registry;
        if (r == null) {
            synchronized (this) {
                if (registry == null) {
                    MeterRegistry found = lookup.get();
                    r = found != null ? found : new SimpleMeterRegistry();
                    Gauge.builder("audio_extractions_active", slots, ExtractionSlots::inUse)
                            .description("extraction slots in use").register(r);
                    Gauge.builder("audio_extractions_queued", slots, ExtractionSlots::queued)
                            .description("requests waiting for a slot").register(r);
                    Gauge.builder("audio_ffmpeg_processes", processes, FfmpegProcesses::running)
                            .description("ffmpeg and ffprobe processes running").register(r);
                    registry = r;
                }
                r = registry;
            }
        }
        return r;
    }

    /** Makes the gauges visible before the first request. */
    public void register() {
        registry();
    }

    public void answered(String endpoint, String format, int status) {
        Counter.builder("audio_requests_total").description("requests answered, by status")
                .tag("endpoint", endpoint).tag("format", format == null ? "none" : format).tag("status", String.valueOf(status))
                .register(registry()).increment();
    }

    public void streamed(String format, long bytes, Duration elapsed, String outcome) {
        Counter.builder("audio_bytes_sent_total").description("audio bytes sent").tag("format", format)
                .register(registry()).increment(bytes);
        Timer.builder("audio_extraction_seconds").description("time from ffmpeg start to the end of the stream")
                .tag("format", format).tag("outcome", outcome).publishPercentileHistogram()
                .register(registry()).record(elapsed);
    }

    public void ffmpegFailed(String cause) {
        Counter.builder("audio_ffmpeg_failures_total").description("ffmpeg runs that failed, by cause").tag("cause", cause)
                .register(registry()).increment();
    }

    public void jobFinished(String outcome) {
        Counter.builder("audio_jobs_total").description("batch jobs finished, by outcome").tag("outcome", outcome)
                .register(registry()).increment();
    }

    public void clientDisconnected() {
        Counter.builder("audio_client_disconnects_total").description("clients gone before the end of their audio")
                .register(registry()).increment();
    }
}
