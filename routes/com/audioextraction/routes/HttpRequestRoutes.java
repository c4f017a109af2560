package com.audioextraction.routes;

import com.audioextraction.ExchangeKeys;
import com.audioextraction.http.HttpRequestReader;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Reads an HTTP call (body: the paused Vert.x request) into the JSON of its request: gives it an id,
 * checks its API key, then takes a GET's query parameters, or a POST's body (any Content-Type).
 */
public class HttpRequestRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:read-http-request")
                .routeId("read-http-request")
                .errorHandler(noErrorHandler()) // failures belong to the calling route's error handling
                .setProperty(ExchangeKeys.REQUEST_ID, method(HttpRequestReader.class, "newRequestId"))
                .setProperty(ExchangeKeys.HTTP_RESPONSE, simple("${body.response()}"))
                .bean("apiKeys", "check(${header.Authorization}, ${header.X-API-Key})")
                .choice()
                    .when(header(Exchange.HTTP_METHOD).isEqualTo("GET"))
                        .bean("httpRequestReader", "fromQuery(${body}, ${header." + Exchange.HTTP_RAW_QUERY + "})")
                    .otherwise()
                        .bean("httpRequestReader", "fromBody(${body})")
                        .unmarshal().json(JsonNode.class)
                .end();
    }
}
