package com.audioextraction.routes;

import com.audioextraction.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.camel.builder.RouteConfigurationBuilder;

/** How HTTP routes answer a failure: every exception becomes a JSON error with its status. */
public class HttpErrorConfiguration extends RouteConfigurationBuilder {

    public static final String ID = "http-errors";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(ApiException.class, JsonProcessingException.class, Exception.class)
                    .handled(true)
                    .bean("errorResponder", "respond");
    }
}
