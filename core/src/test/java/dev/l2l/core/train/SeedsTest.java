package dev.l2l.core.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedsTest {

    @Test
    void rangesAreDisjoint() {
        for (long experiment : new long[] {0, 1, -7, Long.MAX_VALUE}) {
            for (long i : new long[] {0, 1, 1_000_000, Seeds.RANGE - 1}) {
                long training = Seeds.training(experiment, i);
                assertTrue(training >= 0 && training < Seeds.RANGE, "training " + training);
            }
        }
        assertTrue(Seeds.tuning(0) >= Seeds.RANGE && Seeds.tuning(Seeds.RANGE - 1) < 2 * Seeds.RANGE);
        assertTrue(Seeds.evaluation(0) >= 2 * Seeds.RANGE && Seeds.evaluation(Seeds.RANGE - 1) < 3 * Seeds.RANGE);
        assertNotEquals(Seeds.training(1, 0), Seeds.training(2, 0));
    }
}
