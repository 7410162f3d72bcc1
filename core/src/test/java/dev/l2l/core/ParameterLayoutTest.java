package dev.l2l.core;

import dev.l2l.core.ParameterLayout.Segment;
import dev.l2l.core.testkit.TestProblems;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParameterLayoutTest {

    private static Optimizee grouped(int... sizes) {
        int total = java.util.Arrays.stream(sizes).sum();
        return TestProblems.grouped(TestProblems.quadratic(total, 1), new String[] {"conv", "dense"}, sizes);
    }

    @Test
    void stackingRepeatsEachInstancesGroupsAtItsOffset() {
        ParameterLayout layout = ParameterLayout.stack(List.of(grouped(2, 3), grouped(2, 3)));
        assertEquals(10, layout.coordinates());
        assertEquals(List.of(new Segment("conv", 0, 2), new Segment("dense", 2, 5), new Segment("conv", 5, 7),
                new Segment("dense", 7, 10)), layout.segments());
        assertEquals(List.of("conv", "dense"), layout.groups());
        assertEquals(List.of(new Segment("dense", 2, 5), new Segment("dense", 7, 10)), layout.segmentsOf("dense"));
    }

    @Test
    void instancesWithoutGroupsMergeIntoOneSegment() {
        ParameterLayout layout = ParameterLayout.stack(List.of(TestProblems.quadratic(3, 1), TestProblems.quadratic(4, 2)));
        assertEquals(List.of(new Segment(ParameterGroup.ALL, 0, 7)), layout.segments());
        assertEquals(layout.segments(), ParameterLayout.whole(7).segments());
    }

    @Test
    void groupsThatLeaveAGapOrStopShortAreRefused() {
        Optimizee gap = TestProblems.withGroups(TestProblems.quadratic(4, 1),
                List.of(new ParameterGroup("a", 0, 1), new ParameterGroup("b", 2, 4)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParameterLayout.stack(List.of(gap)));
        assertTrue(e.getMessage().contains("group 'b' starts at 2, expected 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ParameterGroup("a", 3, 3));
    }
}
