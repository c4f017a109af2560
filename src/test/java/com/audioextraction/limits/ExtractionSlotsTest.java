package com.audioextraction.limits;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.audioextraction.ApiException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The slot rules on their own: the bound, the queue, the timeout, and HTTP before batch. */
class ExtractionSlotsTest {

    @Test
    void httpWaitingGoesBeforeBatchThatWaitedLonger() throws Exception {
        ExtractionSlots slots = new ExtractionSlots(1, 4, Duration.ofSeconds(10));
        slots.acquire(ExtractionSlots.Priority.HTTP);
        List<String> order = new CopyOnWriteArrayList<>();
        Thread batch = waiter(slots, ExtractionSlots.Priority.BATCH, order);
        awaitQueued(slots, 1);
        Thread http = waiter(slots, ExtractionSlots.Priority.HTTP, order);
        awaitQueued(slots, 2);

        slots.release();
        http.join(5000);
        batch.join(5000);
        assertEquals(List.of("HTTP", "BATCH"), order);
        assertEquals(0, slots.inUse());
    }

    @Test
    void aFullQueueIsRefusedAtOnceAndAWaitTimesOut() throws Exception {
        ExtractionSlots slots = new ExtractionSlots(1, 1, Duration.ofMillis(300));
        slots.acquire(ExtractionSlots.Priority.HTTP);
        Thread waiting = new Thread(() -> assertThrows(ApiException.class, () -> slots.acquire(ExtractionSlots.Priority.HTTP)));
        waiting.start();
        awaitQueued(slots, 1);
        ApiException full = assertThrows(ApiException.class, () -> slots.acquire(ExtractionSlots.Priority.HTTP));
        assertEquals(503, full.status());
        assertEquals(1L, full.retryAfterSeconds());
        waiting.join(2000);
        assertEquals(0, slots.queued(), "the timed-out waiter left the queue");
        assertEquals(1, slots.inUse());
    }

    private static Thread waiter(ExtractionSlots slots, ExtractionSlots.Priority priority, List<String> order) {
        Thread thread = new Thread(() -> {
            try {
                slots.acquire(priority);
                order.add(priority.name());
                slots.release();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        thread.start();
        return thread;
    }

    private static void awaitQueued(ExtractionSlots slots, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (slots.queued() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(n, slots.queued());
    }
}
