package dev.l2l.core.concurrent;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waiting for work handed to a thread pool, with what the task threw passed on as it was: a
 * {@link RuntimeException} or an {@link Error} unchanged (a {@code ConfigException} or an
 * {@code OutOfMemoryError} stays what it is), a checked exception wrapped in an
 * {@link IllegalStateException}. An interrupt restores the thread's flag and fails.
 */
public final class Futures {

    private Futures() {
    }

    /**
     * The result of {@code future}, waiting for it.
     *
     * @param during what the work was, for the message of an interrupt ("meta-training")
     */
    public static <T> T await(Future<T> future, String during) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + during, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Waits for each of {@code futures} in order; the first failure is thrown as {@link #await} does. */
    public static void awaitAll(Iterable<? extends Future<?>> futures, String during) {
        for (Future<?> future : futures) {
            await(future, during);
        }
    }
}
