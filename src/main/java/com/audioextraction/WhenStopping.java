package com.audioextraction;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Runs a step as soon as the service begins to stop (Camel's context-stopping event), before Camel
 * waits for in-flight work: the moment to turn new calls away and to start the shutdown grace.
 */
public final class WhenStopping {

    private WhenStopping() {
    }

    public static void run(CamelContext context, Runnable step) {
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                step.run();
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.CamelContextStoppingEvent;
            }
        });
    }
}
