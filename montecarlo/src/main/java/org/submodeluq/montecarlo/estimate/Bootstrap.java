package org.submodeluq.montecarlo.estimate;

import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Percentile bootstrap intervals: the statistic is recomputed on resamples drawn with replacement, and
 * the interval is the central {@code level} part of those replicates (type 7 quantiles, see
 * {@link Quantiles}). Seeded, so one seed gives one interval. The statistic receives a buffer that is
 * refilled for each resample: it may reorder it but must not keep it.
 */
public final class Bootstrap {

    private Bootstrap() {
    }

    /** The percentile interval of {@code statistic} over resamples of {@code x}. */
    public static Interval oneSample(double[] x, ToDoubleFunction<double[]> statistic, int resamples,
            double level, long seed) {
        requireSamples(x, "sample");
        double[] buffer = new double[x.length];
        return percentileInterval(resamples, level, seed, random -> {
            resample(x, buffer, random);
            return statistic.applyAsDouble(buffer);
        });
    }

    /**
     * The percentile interval of a comparison {@code metric} between two independent samples, each
     * resampled on its own (for instance a distance between submodel and full-run QoIs).
     */
    public static Interval twoSample(double[] a, double[] b, ToDoubleBiFunction<double[], double[]> metric,
            int resamples, double level, long seed) {
        requireSamples(a, "first sample");
        requireSamples(b, "second sample");
        double[] bufferA = new double[a.length];
        double[] bufferB = new double[b.length];
        return percentileInterval(resamples, level, seed, random -> {
            resample(a, bufferA, random);
            resample(b, bufferB, random);
            return metric.applyAsDouble(bufferA, bufferB);
        });
    }

    /**
     * The percentile interval of a comparison {@code metric} between two samples paired element by
     * element (a quantity from two models of the same runs): each resample draws the same indices
     * from both, so identical samples give a zero-width interval.
     */
    public static Interval paired(double[] a, double[] b, ToDoubleBiFunction<double[], double[]> metric,
            int resamples, double level, long seed) {
        requireSamples(a, "first sample");
        if (b.length != a.length) {
            throw new IllegalArgumentException("paired samples differ in size: " + a.length + " and " + b.length);
        }
        double[] bufferA = new double[a.length];
        double[] bufferB = new double[b.length];
        return percentileInterval(resamples, level, seed, random -> {
            for (int i = 0; i < a.length; i++) {
                int k = random.nextInt(a.length);
                bufferA[i] = a[k];
                bufferB[i] = b[k];
            }
            return metric.applyAsDouble(bufferA, bufferB);
        });
    }

    /** The central {@code level} part of {@code resamples} replicates, each drawn by {@code replicate}. */
    private static Interval percentileInterval(int resamples, double level, long seed,
            ToDoubleFunction<UniformRandomProvider> replicate) {
        if (resamples < 1) {
            throw new IllegalArgumentException("bootstrap needs at least one resample, got " + resamples);
        }
        ConfidenceLevel.require(level);
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] replicates = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            replicates[r] = replicate.applyAsDouble(random);
        }
        double tail = ConfidenceLevel.tail(level);
        double[] ends = Quantiles.exact(replicates, tail, 1 - tail);
        return new Interval(ends[0], ends[1]);
    }

    private static void requireSamples(double[] x, String what) {
        if (x.length == 0) {
            throw new IllegalArgumentException("bootstrap " + what + " is empty");
        }
    }

    private static void resample(double[] from, double[] into, UniformRandomProvider random) {
        for (int i = 0; i < into.length; i++) {
            into[i] = from[random.nextInt(from.length)];
        }
    }
}
