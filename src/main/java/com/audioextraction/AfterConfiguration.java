package com.audioextraction;

import org.apache.camel.CamelContext;
import org.apache.camel.support.LifecycleStrategySupport;

/**
 * Runs a step once every configuration class has bound its beans, before the routes are set up.
 * A configuration's own {@code configure} may only rely on its own beans: {@code camel run}
 * configures each class as soon as it has compiled it.
 */
public final class AfterConfiguration {

    /** A step that may fail start-up. */
    @FunctionalInterface
    public interface Step {
        void run(CamelContext context) throws Exception;
    }

    private AfterConfiguration() {
    }

    public static void run(CamelContext context, Step step) {
        context.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextInitializing(CamelContext initializing) {
                try {
                    step.run(initializing);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }
}
