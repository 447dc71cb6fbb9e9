package org.submodeluq.montecarlo.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IntervalTest {

    @Test
    void halfWidthAndCentreComeFromTheEnds() {
        Interval interval = new Interval(1, 4);
        assertEquals(1.5, interval.halfWidth());
        assertEquals(2.5, interval.centre());
        assertEquals(interval, Interval.around(2.5, 1.5));
    }

    @Test
    void containsIncludesBothEnds() {
        Interval interval = new Interval(1, 4);
        assertTrue(interval.contains(1));
        assertTrue(interval.contains(4));
        assertFalse(interval.contains(4.000001));
        assertFalse(interval.contains(Double.NaN));
    }

    @Test
    void reversedEndsAreRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new Interval(2, 1));
        assertEquals("interval lower end 2.0 is above its upper end 1.0", error.getMessage());
    }
}
