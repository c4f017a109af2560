package com.audioextraction.http;

import org.apache.camel.CamelContext;
import org.apache.camel.Service;
import org.apache.camel.main.HttpManagementServerConfigurationProperties;
import org.apache.camel.main.HttpServerConfigurationProperties;
import org.apache.camel.main.MainHttpServerFactory;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Keeps Camel's embedded HTTP servers out: the service runs its own ({@link AudioHttpServer}).
 * Camel Main leaves them off by configuration; {@code camel run} adds one by itself as soon as a
 * route uses platform-http, on the same port, asking the registry for this factory first.
 */
public class NoEmbeddedServers implements MainHttpServerFactory {

    @Override
    public Service newHttpServer(CamelContext camelContext, HttpServerConfigurationProperties configuration) {
        return new Nothing();
    }

    @Override
    public Service newHttpManagementServer(CamelContext camelContext, HttpManagementServerConfigurationProperties configuration) {
        return new Nothing();
    }

    private static final class Nothing extends ServiceSupport {
    }
}
