package org.submodeluq.montecarlo.estimate;

import org.apache.commons.statistics.descriptive.Quantile;

/**
 * Quantiles of kept samples by one fixed definition: Hyndman and Fan's type 7, the linear interpolation
 * of the order statistics at position {@code (n - 1) p} (0-based), also R's and NumPy's default, so a
 * reader can reproduce the numbers. (Commons Statistics' own default is type 8.) The input is copied,
 * never reordered.
 */
public final class Quantiles {

    private static final Quantile TYPE_7 = Quantile.withDefaults()
            .with(Quantile.EstimationMethod.HF7)
            .withCopy(true);

    private Quantiles() {
    }

    /** The type 7 quantile of {@code x} at probability {@code p} in [0, 1]. */
    public static double exact(double[] x, double p) {
        return TYPE_7.evaluate(requireSamples(x), p);
    }

    /** The type 7 quantiles of {@code x} at each probability of {@code p}, sorting {@code x} once. */
    public static double[] exact(double[] x, double... p) {
        return TYPE_7.evaluate(requireSamples(x), p);
    }

    private static double[] requireSamples(double[] x) {
        if (x.length == 0) {
            throw new IllegalArgumentException("a quantile needs at least one sample");
        }
        return x;
    }
}
