package com.audioextraction.routes;

import com.audioextraction.ExchangeKeys;
import com.audioextraction.Failures;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * How the HTTP routes answer a failure: every exception becomes the JSON error of its status
 * ({@link Failures#explain}, the one mapping, which job failures use too), logged and counted.
 */
public class HttpErrorConfiguration extends RouteConfigurationBuilder {

    public static final String ID = "http-errors";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class)
                    .handled(true)
                    .setBody(method(Failures.class, "explain(${exception})"))
                    .bean("errorResponder", "report(${body}, ${exception}, ${exchangeProperty." + ExchangeKeys.REQUEST_ID
                            + "}, ${exchangeProperty." + ExchangeKeys.ENDPOINT + "}, ${exchangeProperty." + ExchangeKeys.REQUEST + "})")
                    .removeHeaders("*")
                    .setHeader(Exchange.HTTP_RESPONSE_CODE, simple("${body.status()}"))
                    .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                    .setHeader("X-Request-Id", exchangeProperty(ExchangeKeys.REQUEST_ID))
                    .filter(simple("${body.retryAfterSeconds()} != null"))
                        .setHeader("Retry-After", simple("${body.retryAfterSeconds()}"))
                    .end()
                    .filter(simple("${body.status()} == 401"))
                        .setHeader("WWW-Authenticate", constant("Bearer realm=\"audio-extraction\""))
                    .end()
                    .setBody(simple("${body.json()}"));
    }
}
