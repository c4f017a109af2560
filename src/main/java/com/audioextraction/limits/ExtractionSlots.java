package com.audioextraction.limits;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;

import com.audioextraction.ApiException;
import com.audioextraction.Held;
import com.audioextraction.StartupFailure;
import org.apache.camel.Exchange;

/**
 * A limit on concurrent work of one kind: extractions (each one an ffmpeg, plus its probe), shared
 * by every way in, and probes (GET/POST /probe) with a bound of their own. When all slots are taken,
 * HTTP requests wait in a bounded queue for at most a timeout and are served before batch work;
 * past the bound or the timeout they get 503 with Retry-After.
 */
public class ExtractionSlots {

    /** Who asks for a slot: interactive HTTP callers go before batch jobs. */
    public enum Priority { HTTP, BATCH }

    private final String what;
    private final int slots;
    private final int maxQueuedHttp;
    private final Duration queueTimeout;
    private final Deque<Object> httpWaiting = new ArrayDeque<>();
    private final Deque<Object> batchWaiting = new ArrayDeque<>();
    private int inUse;

    public ExtractionSlots(int slots, int maxQueuedHttp, Duration queueTimeout) {
        this("extraction", slots, maxQueuedHttp, queueTimeout);
    }

    /** @param what the kind of work, for messages ({@code extraction}, {@code probe}) */
    public ExtractionSlots(String what, int slots, int maxQueuedHttp, Duration queueTimeout) {
        if (slots < 1) {
            throw new StartupFailure("the number of concurrent " + what + "s must be at least 1");
        }
        this.what = what;
        this.slots = slots;
        this.maxQueuedHttp = maxQueuedHttp;
        this.queueTimeout = queueTimeout;
    }

    /**
     * Takes a slot, waiting if needed. HTTP: a full queue or a wait past the timeout is a 503
     * (with the seconds to wait before retrying). Batch: waits as long as it takes.
     */
    public void acquire(Priority priority) throws InterruptedException {
        Object ticket = new Object();
        synchronized (this) {
            if (inUse < slots && httpWaiting.isEmpty() && (priority == Priority.HTTP || batchWaiting.isEmpty())) {
                inUse++;
                return;
            }
            if (priority == Priority.HTTP && httpWaiting.size() >= maxQueuedHttp) {
                throw saturated("all " + slots + " " + what + " slots are busy and " + maxQueuedHttp + " requests already wait");
            }
            Deque<Object> queue = priority == Priority.HTTP ? httpWaiting : batchWaiting;
            queue.addLast(ticket);
            long deadline = System.nanoTime() + queueTimeout.toNanos();
            try {
                while (!(inUse < slots && isNext(ticket, priority))) {
                    if (priority == Priority.HTTP) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            throw saturated("no " + what + " slot became free within " + queueTimeout.toSeconds() + " s");
                        }
                        wait(Math.max(1, left / 1_000_000), (int) (left % 1_000_000));
                    } else {
                        wait();
                    }
                }
                inUse++;
            } finally {
                queue.remove(ticket);
                notifyAll();
            }
        }
    }

    /**
     * Takes a slot for {@code priority} (HTTP when null), held until the exchange completes or gives
     * back what it holds ({@link Held}).
     */
    public void holdFor(Priority priority, Exchange exchange) throws InterruptedException {
        acquire(priority == null ? Priority.HTTP : priority);
        AtomicBoolean held = new AtomicBoolean(true);
        Held.hold(() -> {
            if (held.getAndSet(false)) {
                release();
            }
        }, exchange);
    }

    private boolean isNext(Object ticket, Priority priority) {
        if (priority == Priority.HTTP) {
            return httpWaiting.peekFirst() == ticket;
        }
        return httpWaiting.isEmpty() && batchWaiting.peekFirst() == ticket;
    }

    public synchronized void release() {
        if (inUse > 0) {
            inUse--;
        }
        notifyAll();
    }

    public int slots() {
        return slots;
    }

    public int maxQueued() {
        return maxQueuedHttp;
    }

    public Duration queueTimeout() {
        return queueTimeout;
    }

    public synchronized int inUse() {
        return inUse;
    }

    public synchronized int queued() {
        return httpWaiting.size() + batchWaiting.size();
    }

    private ApiException saturated(String detail) {
        return new ApiException(503, "service saturated", detail, retryAfterSeconds());
    }

    /** A hint for Retry-After: the queue timeout, at least a second. */
    private long retryAfterSeconds() {
        return Math.max(1, queueTimeout.toSeconds());
    }
}
