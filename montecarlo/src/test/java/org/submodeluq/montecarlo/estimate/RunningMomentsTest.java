package org.submodeluq.montecarlo.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class RunningMomentsTest {

    private static final double OFFSET = 1e9;

    @Test
    void matchesATwoPassComputationOnValuesWithALargeOffset() {
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        double[] x = new double[10_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = OFFSET + random.nextDouble();
        }
        // Reference: two passes on x - 1e9, a subtraction that is exact for values in [1e9, 1e9 + 1].
        double shiftedSum = 0;
        for (double value : x) {
            shiftedSum += value - OFFSET;
        }
        double shiftedMean = shiftedSum / x.length;
        double squares = 0;
        for (double value : x) {
            double deviation = value - OFFSET - shiftedMean;
            squares += deviation * deviation;
        }
        double variance = squares / (x.length - 1);

        RunningMoments moments = RunningMoments.of(x);
        assertEquals(x.length, moments.count());
        // A rolling mean rounds at ulp(1e9) = 1.2e-7 on each update: 1e-14 relative, 3e-5 of a standard deviation.
        assertEquals(OFFSET + shiftedMean, moments.mean(), 1e-5);
        assertEquals(variance, moments.variance(), 1e-6 * variance);
        assertTrue(Math.abs(naiveVariance(x) - variance) > 0.01 * variance,
                "the data defeats the sum-of-squares formula, so the test can tell a stable update from it");
    }

    private static double naiveVariance(double[] x) {
        double sum = 0;
        double sumOfSquares = 0;
        for (double value : x) {
            sum += value;
            sumOfSquares += value * value;
        }
        return (sumOfSquares - sum * sum / x.length) / (x.length - 1);
    }

    @Test
    void textbookShiftedDataKeepsItsVariance() {
        // 4, 7, 13, 16: mean 10, squared deviations 36 + 9 + 9 + 36 = 90, variance 90 / 3 = 30.
        RunningMoments moments = RunningMoments.of(OFFSET + 4, OFFSET + 7, OFFSET + 13, OFFSET + 16);
        assertEquals(OFFSET + 10, moments.mean());
        assertEquals(30, moments.variance(), 1e-9);
        assertEquals(Math.sqrt(30.0 / 4), moments.standardError(), 1e-9);
    }

    @Test
    void normalIntervalIsMeanPlusMinusZTimesStandardError() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum 32, variance 32 / 7, SE sqrt(4 / 7).
        RunningMoments moments = RunningMoments.of(2, 4, 4, 4, 5, 5, 7, 9);
        double halfWidth = 1.959963984540054 * Math.sqrt(4.0 / 7);
        Interval interval = moments.normalInterval(0.95);
        assertEquals(5 - halfWidth, interval.lower(), 1e-12);
        assertEquals(5 + halfWidth, interval.upper(), 1e-12);
        assertEquals(halfWidth / 5, moments.relativeHalfWidth(0.95), 1e-12);
    }

    @Test
    void varianceIsUndefinedBelowTwoValues() {
        RunningMoments moments = new RunningMoments();
        assertEquals(Double.NaN, moments.mean());
        moments.add(3);
        assertEquals(3, moments.mean());
        assertEquals(Double.NaN, moments.variance());
        assertEquals(Double.NaN, moments.normalInterval(0.95).lower());
        assertEquals(Double.POSITIVE_INFINITY, moments.relativeHalfWidth(0.95));
    }

    @Test
    void relativeHalfWidthIsInfiniteAtAZeroMean() {
        assertEquals(Double.POSITIVE_INFINITY, RunningMoments.of(-1, 1).relativeHalfWidth(0.95));
    }
}
