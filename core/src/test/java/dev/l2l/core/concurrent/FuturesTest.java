package dev.l2l.core.concurrent;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FuturesTest {

    @Test
    void passesResultsAndUncheckedFailuresOnUnchanged() {
        assertEquals(3, Futures.await(CompletableFuture.completedFuture(3), "a test"));
        IllegalArgumentException runtime = new IllegalArgumentException("bad");
        assertSame(runtime, assertThrows(IllegalArgumentException.class,
                () -> Futures.await(CompletableFuture.failedFuture(runtime), "a test")));
        StackOverflowError error = new StackOverflowError();
        assertSame(error, assertThrows(StackOverflowError.class,
                () -> Futures.awaitAll(List.of(CompletableFuture.completedFuture(1), CompletableFuture.failedFuture(error)), "a test")));
    }

    @Test
    void wrapsCheckedFailures() {
        IOException checked = new IOException("disk");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> Futures.await(CompletableFuture.failedFuture(checked), "a test"));
        assertSame(checked, thrown.getCause());
    }

    @Test
    void anInterruptFailsAndKeepsTheFlag() {
        Future<Integer> never = new CompletableFuture<>();
        Thread.currentThread().interrupt();
        try {
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Futures.await(never, "a test"));
            assertEquals("interrupted during a test", thrown.getMessage());
            assertTrue(Thread.interrupted());
        } finally {
            Thread.interrupted();
        }
    }
}
