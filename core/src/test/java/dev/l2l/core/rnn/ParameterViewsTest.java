package dev.l2l.core.rnn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class ParameterViewsTest {

    @Test
    void viewsWriteThroughAndAreCachedPerArray() {
        ParameterViews views = new ParameterViews(new long[] {2, 3}, new long[] {2, 1});
        assertEquals(8, views.size());
        INDArray flat = Nd4j.zeros(DataType.DOUBLE, 8);
        INDArray[] blocks = views.of(flat);
        blocks[1].assign(5.0);
        assertEquals(10.0, flat.sumNumber().doubleValue());
        assertSame(blocks, views.of(flat));
    }

    @Test
    void threadsPassingTheirOwnArraysGetTheirOwnViews() throws InterruptedException {
        ParameterViews views = new ParameterViews(new long[] {2, 2});
        AtomicReference<String> failure = new AtomicReference<>();
        Thread[] threads = new Thread[2];
        for (int k = 0; k < threads.length; k++) {
            INDArray own = Nd4j.zeros(DataType.DOUBLE, 4);
            threads[k] = new Thread(() -> {
                for (int i = 0; i < 20_000 && failure.get() == null; i++) {
                    INDArray block = views.of(own)[0];
                    block.putScalar(0, 0, i);
                    if (own.getDouble(0) != i) {
                        failure.set("a thread got the views of another thread's array at iteration " + i);
                    }
                }
            });
        }
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertNull(failure.get());
    }
}
