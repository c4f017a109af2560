package com.audioextraction.routes;

import java.util.ArrayList;

import com.audioextraction.ApiException;
import com.audioextraction.ExchangeKeys;
import com.audioextraction.Failures;
import com.audioextraction.Held;
import com.audioextraction.jobs.Job;
import com.audioextraction.jobs.JobResults;
import com.audioextraction.limits.ExtractionSlots;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.component.exec.ExecBinding;
import org.apache.camel.component.minio.MinioConstants;

/**
 * Batch extraction: jobs from the queue run through the same pipeline as HTTP requests, ffmpeg
 * writes the output file, which is published whole; a result event goes to the results queue
 * (and to JMSReplyTo). Consumption is transacted: a job interrupted by a crash or a stop goes back
 * to the queue. Failures: see {@link JobErrorConfiguration}. Also POST /jobs, which checks every
 * job as the consumer would before queueing any.
 */
public class JobRoutes extends EndpointRouteBuilder {

    @Override
    public void configure() {
        // disableReplyTo: the reply is sent by publish-result, where a failure to reply cannot roll back a finished job
        from("jms:queue:{{audio.jobs.queue}}?transacted=true&disableReplyTo=true"
                + "&concurrentConsumers={{audio.jobs.concurrent-consumers}}")
                .routeId("batch-jobs")
                .routeConfigurationId(JobErrorConfiguration.ID)
                .autoStartup("{{audio.jobs.enabled}}")
                .setProperty(ExchangeKeys.JOB_STARTED, method(System.class, "nanoTime"))
                .setProperty(ExchangeKeys.JOB_MESSAGE, body().convertToString())
                .setProperty(ExchangeKeys.JOB_REPLY_TO, header("JMSReplyTo"))
                .setProperty(ExchangeKeys.PRIORITY, constant(ExtractionSlots.Priority.BATCH))
                .setProperty(ExchangeKeys.ENDPOINT, constant("job"))
                .bean("jobReader", "read(${exchangeProperty.audioJobMessage})") // id, fields, output key
                .setProperty(ExchangeKeys.JOB, body())
                .setProperty(ExchangeKeys.REQUEST_ID, simple("${body.id()}"))
                .setBody(simple("${body.json()}"))
                .choice()
                    .when(simple("${exchangeProperty.audioJob.isSplit()}"))
                        .to("direct:split-job")
                    .otherwise()
                        .to("direct:run-job")
                        .setBody(method("jobResults", "done(${exchangeProperty.audioJob}, ${exchangeProperty.audioPlan}, "
                                + "${exchangeProperty.audioJobStored}, ${exchangeProperty.audioJobSeconds}, "
                                + "${exchangeProperty.audioJobStarted})"))
                .end()
                .to("direct:publish-result");

        // one attempt: prepare as for HTTP -> reserve the output -> ffmpeg writes it -> publish it whole
        from("direct:run-job")
                .routeId("run-job")
                .errorHandler(noErrorHandler()) // the job route tries the whole attempt again
                .doTry()
                    .to("direct:prepare-extraction")
                    .filter(simple("${exchangeProperty.audioRequest.options().speechOnly()}"))
                        .to("direct:find-speech")
                    .end()
                    .bean("jobRunner", "reserveOutput(${exchangeProperty.audioRequest}, ${exchangeProperty.audioJob.outputKey()})")
                    .bean(Held.class, "hold(${body}, ${exchange})") // dropped unless published
                    .setProperty(ExchangeKeys.JOB_OUTPUT, body())
                    .setHeader(ExecBinding.EXEC_COMMAND_ARGS, method("ffmpegCommand", "toFile(${exchangeProperty.audioSource}, "
                            + "${exchangeProperty.audioPlan}, ${exchangeProperty.audioJobOutput})"))
                    .to("direct:start-ffmpeg")
                    .setProperty(ExchangeKeys.JOB_SECONDS, method("jobRunner", "awaitOutput(${body.process()}, "
                            + "${exchangeProperty.audioJobOutput}, ${exchangeProperty.audioSource}, ${exchangeProperty.audioRequest})"))
                    .setBody(exchangeProperty(ExchangeKeys.JOB_OUTPUT))
                    .to("direct:publish-output")
                    .setProperty(ExchangeKeys.JOB_STORED, body())
                .endDoTry()
                .doFinally()
                    .bean(Held.class, "releaseAll") // the slot, the open video, an unpublished output: after each attempt
                .end();

        // a job with "split": its video cut at pauses, one message per chunk on the chunks queue for the
        // transcription workers, and the whole plan (the manifest) as the job's result event
        from("direct:split-job")
                .routeId("split-job")
                .errorHandler(noErrorHandler()) // the job route tries the whole attempt again
                .doTry()
                    .to("direct:prepare-extraction")
                    .to("direct:find-speech")
                    .bean("chunkPlanner", "plan(${exchangeProperty.audioSpeech}, ${exchangeProperty.audioRequest}, "
                            + "${exchangeProperty.audioJob.split()})")
                    .setProperty(ExchangeKeys.CHUNK_PLAN, body())
                    .split(simple("${body.chunks()}"))
                        .setBody(method("jobResults", "chunk(${exchangeProperty.audioJob}, ${exchangeProperty.audioChunkPlan}, ${body})"))
                        .to("jms:queue:{{audio.jobs.chunks-queue}}?exchangePattern=InOnly")
                    .end()
                .endDoTry()
                .doFinally()
                    .bean(Held.class, "releaseAll")
                .end()
                .setBody(method("jobResults", "planned(${exchangeProperty.audioJob}, ${exchangeProperty.audioRequest}, "
                        + "${exchangeProperty.audioChunkPlan}, ${exchangeProperty.audioJobStarted})"));

        // the file ffmpeg wrote, made visible whole: renamed into the output directory, or put into the output bucket
        from("direct:publish-output")
                .routeId("publish-output")
                .errorHandler(noErrorHandler())
                .filter(simple("'{{audio.jobs.output}}' == 's3'"))
                    .to("direct:upload-output")
                .end()
                .bean("outputStore", "published");

        // camel-minio; toD: the endpoint (which creates the bucket when missing) is made on first use, not at start
        from("direct:upload-output")
                .routeId("upload-output")
                .errorHandler(noErrorHandler())
                .setProperty("audioUpload", body())
                .setHeader(MinioConstants.OBJECT_NAME, simple("${body.key()}"))
                .setBody(simple("${body.file().toFile()}"))
                .doTry()
                    .toD(minio("{{audio.jobs.output-bucket}}").autoCreateBucket(true))
                .doCatch(Exception.class)
                    .bean("outputStore", "failedToPublish(${exception}, ${exchangeProperty.audioUpload})") // 502, what to check
                .end()
                .setBody(exchangeProperty("audioUpload"));

        from("direct:job-failed")
                .routeId("job-failed")
                .setProperty("audioJobResult", method("jobResults", "failed(${exchangeProperty.audioJob}, "
                        + "${exchangeProperty.audioRequest}, ${exchangeProperty.CamelExceptionCaught}, ${exchangeProperty.audioJobStarted})"))
                .setBody(exchangeProperty(ExchangeKeys.JOB_MESSAGE))
                .setHeader(JobResults.FAILURE_REASON, method(Failures.class, "reason(${exchangeProperty.CamelExceptionCaught})"))
                .to("jms:queue:{{audio.jobs.dead-letter-queue}}?exchangePattern=InOnly")
                .setBody(exchangeProperty("audioJobResult"))
                .to("direct:publish-result");

        // the result event to the results queue, and to the job's JMSReplyTo when it set one
        from("direct:publish-result")
                .routeId("publish-result")
                .removeHeaders("*")
                .setHeader("JMSCorrelationID", simple("${exchangeProperty.audioJob?.id()}"))
                .to("jms:queue:{{audio.jobs.results-queue}}?exchangePattern=InOnly")
                .filter(exchangeProperty(ExchangeKeys.JOB_REPLY_TO).isNotNull())
                    .doTry()
                        .setHeader("CamelJmsDestination", exchangeProperty(ExchangeKeys.JOB_REPLY_TO))
                        .to("jms:queue:reply-to?exchangePattern=InOnly")
                    .doCatch(Exception.class)
                        .log(LoggingLevel.WARN, "[${exchangeProperty." + ExchangeKeys.REQUEST_ID
                                + "}] cannot send the result to the job's reply-to: ${exception.message}")
                    .end()
                .end();

        // POST /jobs (see RestApi): every job checked as the consumer will check it, then all queued, or none
        from("direct:http-submit-jobs")
                .routeId("http-submit-jobs")
                .routeConfigurationId(HttpErrorConfiguration.ID)
                .setProperty(ExchangeKeys.ENDPOINT, constant("jobs"))
                .to("direct:read-http-request")
                .bean("jobSubmissions", "list")
                .split(body(), AggregationStrategies.flexible(Job.class).accumulateInCollection(ArrayList.class))
                    .stopOnException()
                    .to("direct:check-job")
                .end()
                .setProperty("audioJobs", body())
                .split(body())
                    .setBody(simple("${body.json().toString()}"))
                    .to("jms:queue:{{audio.jobs.queue}}?exchangePattern=InOnly")
                .end()
                .setBody(method("jobSubmissions", "accepted(${exchangeProperty.audioJobs})"))
                .removeHeaders("*")
                .marshal().json()
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"));

        // one job of a POST /jobs -> the Job as the consumer will read it: fields, request, video (400, 404 or 502)
        from("direct:check-job")
                .routeId("check-job")
                .errorHandler(noErrorHandler())
                .doTry()
                    .bean("jobReader", "check")
                    .setProperty(ExchangeKeys.JOB, body())
                    .bean("requestParser", "parse(${body.json()}, ${body.id()})")
                    .setBody(simple("${body.savepath()}"))
                    .to("direct:locate-video")
                    .setBody(exchangeProperty(ExchangeKeys.JOB))
                .doCatch(ApiException.class)
                    .bean("jobSubmissions", "refused(${exception}, ${exchangeProperty.CamelSplitIndex}, "
                            + "${exchangeProperty.CamelSplitSize})")
                .end();
    }
}
