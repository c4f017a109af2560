package com.audioextraction.routes;

import com.audioextraction.ExchangeKeys;
import com.audioextraction.Held;
import com.audioextraction.source.S3Object;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.minio.MinioConstants;

/**
 * Where a video is read from: a local file, or an object in the S3 store (MinIO or any
 * S3-compatible one) through camel-minio. Located (path rules, existence; 404, or 502 when the
 * store fails) when the request arrives; opened only once the work has its slot, so a long wait in
 * the queue cannot outlive a presigned URL and no file stays open for a request that waits.
 */
public class SourceRoutes extends RouteBuilder {

    /**
     * camel-minio endpoints on the source bucket. Called with toD so they are created on first use:
     * an S3 store that is down (or not configured) never stops the service from starting. The
     * objectName keeps the endpoint from checking the bucket when it starts; the
     * CamelMinioObjectName header names the object on each call.
     */
    private static final String SOURCE_BUCKET = "minio:{{audio.bucket-name}}?autoCreateBucket=false&objectName=set-per-call";

    @Override
    public void configure() {
        // savepath (body) -> a LocalVideo, or an S3Object that exists
        from("direct:locate-video")
                .routeId("locate-video")
                .streamCache("false") // s3Sources.found reads the store's answer headers (a cached copy has none)
                .errorHandler(noErrorHandler()) // failures belong to the calling route's error handling
                .bean("sourceResolver", "locate(${body}, ${exchangeProperty." + ExchangeKeys.REQUEST_ID + "})")
                .filter(body().isInstanceOf(S3Object.class))
                    .setProperty("audioS3Object", body())
                    .setHeader(MinioConstants.OBJECT_NAME, simple("${body.key()}"))
                    .setHeader(MinioConstants.OFFSET, constant("0"))
                    .setHeader(MinioConstants.LENGTH, constant("1"))
                    .doTry()
                        .toD(SOURCE_BUCKET + "&operation=getPartialObject") // its first byte: exists? how big?
                        .bean("s3Sources", "found(${body}, ${exchangeProperty.audioS3Object})")
                    .doCatch(Exception.class)
                        .bean("s3Sources", "failed(${exception}, ${exchangeProperty.audioS3Object})") // 404, 422 or 502
                    .end()
                    .removeHeaders("CamelMinio*")
                .end();

        // a located video -> an open Source the tools read, held until the exchange is done: a local
        // file opened once and checked as opened; an S3 object through a short-lived presigned URL
        from("direct:open-video")
                .routeId("open-video")
                .errorHandler(noErrorHandler())
                .choice()
                    .when(body().isInstanceOf(S3Object.class))
                        .setProperty("audioS3Object", body())
                        .setHeader(MinioConstants.OBJECT_NAME, simple("${body.key()}"))
                        .setHeader(MinioConstants.PRESIGNED_URL_EXPIRATION_TIME, method("s3Sources", "urlExpirySeconds"))
                        .doTry()
                            .toD(SOURCE_BUCKET + "&operation=createDownloadLink")
                            .bean("s3Sources", "presigned(${body}, ${exchangeProperty.audioS3Object}, ${exchangeProperty."
                                    + ExchangeKeys.REQUEST_ID + "})")
                        .doCatch(Exception.class)
                            .bean("s3Sources", "failed(${exception}, ${exchangeProperty.audioS3Object})")
                        .end()
                        .removeHeaders("CamelMinio*")
                    .endChoice()
                    .otherwise()
                        .bean("localFiles", "open")
                .end()
                .bean(Held.class, "hold(${body}, ${exchange})");
    }
}
