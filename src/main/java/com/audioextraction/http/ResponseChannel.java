package com.audioextraction.http;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * Writes a streamed body straight to the Vert.x response from the calling (worker) thread, with
 * backpressure: when the client's write queue is full the caller waits for it to drain. This keeps
 * every stream on its own thread; Camel's own InputStream pump runs all of a context's streams one
 * block at a time through {@code executeBlocking} and lets a slow client stall the others.
 */
final class ResponseChannel {

    /** The client went away (closed the connection) or stopped reading for too long. */
    static final class ClientGoneException extends IOException {
        ClientGoneException(String message) {
            super(message);
        }
    }

    private static final int WRITE_QUEUE_BYTES = 1024 * 1024;
    private static final long ABORT_WAIT_SECONDS = 2;

    private final HttpServerResponse response;
    private final Duration stallTimeout;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private long bytesSent;
    private volatile boolean committed;

    /** @param onClientGone runs (on the event loop) as soon as the connection closes before the end */
    ResponseChannel(HttpServerResponse response, Duration stallTimeout, Runnable onClientGone) {
        this.response = response;
        this.stallTimeout = stallTimeout;
        response.closeHandler(v -> {
            if (closed.complete(null) && !response.ended()) {
                onClientGone.run();
            }
        });
        if (response.closed()) {
            closed.complete(null);
            onClientGone.run();
        }
    }

    boolean isClientGone() {
        return closed.isDone() && !response.ended();
    }

    /** Sends status 200 and the headers (with the first write). */
    void commit(Map<String, String> headers) {
        committed = true;
        response.setStatusCode(200);
        response.setChunked(true);
        // a deeper write queue than Netty's 64 KiB default: far fewer drain round trips per stream
        response.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
        headers.forEach(response::putHeader);
    }

    /**
     * Sends the first {@code length} bytes of {@code bytes}, copied once into pooled direct memory
     * (the caller reuses its array): Netty writes direct memory to the socket as it is, where a heap
     * buffer would be copied again, and a fresh array per write would cost page faults and GC.
     */
    void write(byte[] bytes, int length) throws IOException, InterruptedException {
        if (closed.isDone()) {
            throw new ClientGoneException("client closed the connection");
        }
        ByteBuf chunk = PooledByteBufAllocator.DEFAULT.directBuffer(length, length).writeBytes(bytes, 0, length);
        try {
            // Vert.x hands Netty an unreleasable view: the chunk goes back to the pool once written (or failed)
            response.write(Buffer.buffer(chunk)).onComplete(written -> chunk.release());
        } catch (IllegalStateException e) {
            chunk.release();
            throw new ClientGoneException("client closed the connection");
        }
        bytesSent += length;
        if (response.writeQueueFull()) {
            awaitDrain();
        }
    }

    private void awaitDrain() throws IOException, InterruptedException {
        CompletableFuture<Void> drained = new CompletableFuture<>();
        response.drainHandler(v -> drained.complete(null));
        if (!response.writeQueueFull()) {
            return;
        }
        try {
            CompletableFuture.anyOf(drained, closed).get(stallTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ClientGoneException("client read nothing for " + stallTimeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
        if (closed.isDone()) {
            throw new ClientGoneException("client closed the connection");
        }
    }

    /** Whether the 200 went out: from then on a failure can only be told by breaking the transfer. */
    boolean isCommitted() {
        return committed;
    }

    long bytesSent() {
        return bytesSent;
    }

    /** Ends the body normally: the client sees a complete transfer. */
    void finish() {
        response.end();
    }

    /**
     * Ends the transfer visibly broken: the connection is reset, so a client never mistakes a cut
     * stream for a complete short file. The response is then marked ended so platform-http does
     * not try to write one of its own.
     */
    void abort() {
        response.reset();
        // the close is carried out on the event loop: only once it happened may end() run, or the
        // end of the chunked body could still reach the client and make the cut look complete
        try {
            closed.get(ABORT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the connection is being torn down anyway
        }
        try {
            response.end();
        } catch (IllegalStateException e) {
            // already ended
        }
    }
}
