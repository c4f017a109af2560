package com.audioextraction.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/** Something the HTTP server installs on its router before it opens (handlers ahead of Camel's routes). */
public interface RouterSetup {

    void install(Router router, Vertx vertx);
}
