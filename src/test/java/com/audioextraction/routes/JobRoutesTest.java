package com.audioextraction.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.audioextraction.ApiException;
import com.audioextraction.ExchangeKeys;
import com.audioextraction.ffmpeg.FfmpegBinary;
import com.audioextraction.ffmpeg.FfmpegCommand;
import com.audioextraction.format.AudioFormat;
import com.audioextraction.jobs.DirectoryOutputStore;
import com.audioextraction.jobs.JobReader;
import com.audioextraction.jobs.JobResults;
import com.audioextraction.jobs.JobRunner;
import com.audioextraction.jobs.JobSubmissions;
import com.audioextraction.jobs.OutputStore;
import com.audioextraction.metrics.AudioMetrics;
import com.audioextraction.request.RequestParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job routes on their own: what happens to a job whose extraction succeeds, fails for good, or
 * keeps failing. The queues are mock endpoints and the extraction (prepare, ffmpeg, publish) a stub
 * that fails as told: a real broker and a real ffmpeg add nothing to these decisions (JobsTest runs
 * the same paths for real).
 */
class JobRoutesTest extends CamelTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private volatile Exception nextFailure;
    private volatile int attempts;

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getPropertiesComponent().setLocation("file:application.properties");
        java.util.Properties overrides = new java.util.Properties();
        overrides.put("audio.jobs.retry-delay", "10ms");
        context.getPropertiesComponent().setOverrideProperties(overrides);
        return context;
    }

    @Override
    protected void bindToRegistry(Registry registry) throws Exception {
        OutputStore store = new DirectoryOutputStore(Files.createTempDirectory(Path.of("target"), "job-routes"));
        AudioMetrics metrics = new AudioMetrics(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new, null, null);
        registry.bind("jobReader", new JobReader(store, new RequestParser(AudioFormat.MP3)));
        registry.bind("jobResults", new JobResults(metrics, "test-node"));
        registry.bind("jobRunner", new JobRunner(store));
        registry.bind("jobSubmissions", new JobSubmissions());
        registry.bind("outputStore", store);
        registry.bind("requestParser", new RequestParser(AudioFormat.MP3));
        registry.bind("ffmpegCommand", new FfmpegCommand(new FfmpegBinary("ffmpeg", "test", "none")));
        registry.bind("errorResponder", new com.audioextraction.http.ErrorResponder(metrics));
        registry.bind("speechFinder", new com.audioextraction.speech.SpeechFinder(new com.audioextraction.speech.EnergyDetector()));
        registry.bind("chunkPlanner", new com.audioextraction.speech.ChunkPlanner(""));
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] {new JobRoutes(), new JobErrorConfiguration(), new HttpErrorConfiguration()};
    }

    private void startWithStubs() throws Exception {
        // the attempt's extraction: succeeds, or fails with what the test set (a lambda: the application's
        // package scan would pick up a RouteBuilder class of the tests)
        RouteBuilder.addRoutes(context, routes -> routes.from("direct:stub-attempt").routeId("stub-attempt")
                .errorHandler(routes.noErrorHandler()).process(exchange -> {
                    attempts++;
                    if (nextFailure != null) {
                        throw nextFailure;
                    }
                    exchange.setProperty(ExchangeKeys.JOB_STORED, new OutputStore.Stored("/out/a.wav", 1234));
                    exchange.setProperty(ExchangeKeys.PLAN, new com.audioextraction.extraction.ExtractionPlan(
                            new com.audioextraction.request.ExtractionRequest("ok", "tv/a.mp4", AudioFormat.WAV, null),
                            null, null, 16000, 1, null, 10.0));
                    exchange.setProperty(ExchangeKeys.JOB_SECONDS, 10.0);
                }));
        AdviceWith.adviceWith(context, "batch-jobs", route -> {
            route.replaceFromWith("direct:jobs");
            route.weaveByToUri("direct:run-job").replace().to("direct:stub-attempt");
            route.mockEndpointsAndSkip("jms:*");
        });
        AdviceWith.adviceWith(context, "job-failed", route -> route.mockEndpointsAndSkip("jms:*"));
        AdviceWith.adviceWith(context, "publish-result", route -> route.mockEndpointsAndSkip("jms:*"));
        context.start();
    }

    private JsonNode onlyResult() throws IOException {
        MockEndpoint results = getMockEndpoint("mock:jms:queue:audio.results");
        assertEquals(1, results.getReceivedCounter(), "result events");
        return JSON.readTree(results.getReceivedExchanges().get(0).getMessage().getBody(String.class));
    }

    @Test
    void aJobThatSucceedsPublishesItsDoneEvent() throws Exception {
        startWithStubs();
        template.sendBody("direct:jobs", "{\"id\": \"ok\", \"savepath\": \"tv/a.mp4\", \"audio_format\": \"wav\"}");
        JsonNode done = onlyResult();
        assertEquals("done", done.path("status").asText());
        assertEquals("/out/a.wav", done.path("output").asText());
        assertEquals(10.0, done.path("duration_seconds").asDouble());
        assertEquals(0, getMockEndpoint("mock:jms:queue:audio.jobs.dlq").getReceivedCounter());
        assertEquals(1, attempts);
    }

    @Test
    void aJobThatKeepsFailingIsTriedMaxAttemptsTimesThenDeadLettered() throws Exception {
        nextFailure = new IOException("ffmpeg failed after 100 bytes");
        startWithStubs();
        String job = "{\"id\": \"flaky\", \"savepath\": \"tv/a.mp4\"}";
        template.sendBody("direct:jobs", job);
        assertEquals(3, attempts, "audio.jobs.max-attempts");
        JsonNode failed = onlyResult();
        assertEquals("failed", failed.path("status").asText());
        assertEquals("flaky", failed.path("id").asText());
        assertTrue(failed.path("error").asText().startsWith("500 "), failed.toString());
        MockEndpoint dead = getMockEndpoint("mock:jms:queue:audio.jobs.dlq");
        assertEquals(1, dead.getReceivedCounter());
        assertEquals(job, dead.getReceivedExchanges().get(0).getMessage().getBody(String.class));
        assertTrue(dead.getReceivedExchanges().get(0).getMessage().getHeader(JobResults.FAILURE_REASON, String.class)
                .contains("ffmpeg failed after 100 bytes"));
    }

    @Test
    void aJobThatCannotSucceedFailsAtOnce() throws Exception {
        nextFailure = ApiException.notFound("video not found", "no video at 'tv/a.mp4'");
        startWithStubs();
        template.sendBody("direct:jobs", "{\"id\": \"missing\", \"savepath\": \"tv/a.mp4\"}");
        assertEquals(1, attempts, "a 4xx is not tried again");
        assertEquals("404 video not found: no video at 'tv/a.mp4'", onlyResult().path("error").asText());
    }

    @Test
    void aMessageThatIsNotAJobIsDeadLetteredWithoutAnAttempt() throws Exception {
        startWithStubs();
        for (String message : List.of("not json", "[1, 2]", "{\"id\": \"x\\ny\", \"savepath\": \"a.mp4\"}")) {
            template.sendBody("direct:jobs", message);
        }
        assertEquals(0, attempts);
        assertEquals(3, getMockEndpoint("mock:jms:queue:audio.jobs.dlq").getReceivedCounter());
        getMockEndpoint("mock:jms:queue:audio.results").getReceivedExchanges().forEach(result ->
                assertTrue(result.getMessage().getBody(String.class).contains("\"error\":\"400 "), result.getMessage().getBody(String.class)));
    }
}
