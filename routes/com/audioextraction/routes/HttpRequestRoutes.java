package com.audioextraction.routes;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/** Reads an HTTP request into JSON: a GET's query parameters, or a POST's body (any Content-Type). */
public class HttpRequestRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:read-http-request")
                .routeId("read-http-request")
                .errorHandler(noErrorHandler()) // failures belong to the calling route's error handling
                .bean("httpRequestReader", "begin")
                .choice()
                    .when(header(Exchange.HTTP_METHOD).isEqualTo("GET"))
                        .bean("httpRequestReader", "fromQuery")
                    .otherwise()
                        .bean("httpRequestReader", "fromBody")
                        .unmarshal().json(JsonNode.class)
                .end();
    }
}
