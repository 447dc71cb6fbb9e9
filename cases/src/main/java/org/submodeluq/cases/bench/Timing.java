package org.submodeluq.cases.bench;

import java.util.Arrays;

/** Small statistics of repeated timings; on a shared machine noise only slows, so the minimum matters. */
final class Timing {

    private Timing() {
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    static double seconds(long nanos) {
        return nanos * 1e-9;
    }

    /** Runs {@code work} for at least a second and twice, so the JIT has compiled the loops being timed. */
    static void warmUp(Runnable work) {
        long start = System.nanoTime();
        for (int run = 0; run < 2 || System.nanoTime() - start < 1_000_000_000L; run++) {
            work.run();
        }
    }
}
