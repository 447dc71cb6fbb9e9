package org.submodeluq.montecarlo.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuantilesTest {

    @Test
    void exactIsHyndmanFanType7() {
        // Sorted: 1 1 2 3 4 5 6 9. Type 7 reads position (n - 1) p = 7 p (0-based) and interpolates:
        // p = 0.3: 2.1 -> 2 + 0.1 (3 - 2) = 2.1; p = 0.5: 3.5 -> 3.5; p = 0.9: 6.3 -> 6 + 0.3 (9 - 6) = 6.9.
        double[] x = {3, 1, 4, 1, 5, 9, 2, 6};
        assertEquals(1, Quantiles.exact(x, 0));
        assertEquals(2.1, Quantiles.exact(x, 0.3), 1e-12);
        assertEquals(3.5, Quantiles.exact(x, 0.5), 1e-12);
        assertEquals(6.9, Quantiles.exact(x, 0.9), 1e-12);
        assertEquals(9, Quantiles.exact(x, 1));
        assertArrayEquals(new double[] {2.1, 3.5, 6.9}, Quantiles.exact(x, 0.3, 0.5, 0.9), 1e-12);
        assertArrayEquals(new double[] {3, 1, 4, 1, 5, 9, 2, 6}, x, "the sample keeps its order");
    }

    @Test
    void exactNeedsSamplesAndAProbability() {
        assertEquals("a quantile needs at least one sample", assertThrows(IllegalArgumentException.class,
                () -> Quantiles.exact(new double[0], 0.5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Quantiles.exact(new double[] {1}, 1.5));
    }
}
