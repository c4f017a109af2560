package com.audioextraction.routes;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/** Checks an HTTP caller's API key, then reads its request into JSON: a GET's query parameters, or a POST's body (any Content-Type). */
public class HttpRequestRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:read-http-request")
                .routeId("read-http-request")
                .errorHandler(noErrorHandler()) // failures belong to the calling route's error handling
                .bean("httpRequestReader", "begin")
                .bean("apiKeys", "check(${header.Authorization}, ${header.X-API-Key})")
                .choice()
                    .when(header(Exchange.HTTP_METHOD).isEqualTo("GET"))
                        .bean("httpRequestReader", "fromQuery")
                    .otherwise()
                        .bean("httpRequestReader", "fromBody")
                        .unmarshal().json(JsonNode.class)
                .end();
    }
}
