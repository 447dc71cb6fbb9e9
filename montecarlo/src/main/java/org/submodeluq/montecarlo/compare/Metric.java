package org.submodeluq.montecarlo.compare;

import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.submodeluq.montecarlo.estimate.Quantiles;
import org.submodeluq.montecarlo.estimate.RunningMoments;
import org.submodeluq.surrogate.metrics.SampleDistances;

/**
 * How far a candidate distribution of one quantity is from the reference's, each measured on the
 * two samples. Relative errors are signed: (candidate - reference) / reference.
 */
public enum Metric {

    /** Relative error of the mean. */
    MEAN("mean_rel_error", "mean") {
        @Override
        public double of(double[] reference, double[] candidate) {
            return relative(RunningMoments.of(candidate).mean(), RunningMoments.of(reference).mean());
        }
    },
    /** Relative error of the standard deviation. */
    STD("std_rel_error", "std") {
        @Override
        public double of(double[] reference, double[] candidate) {
            return relative(std(candidate), std(reference));
        }
    },
    /** Relative error of the 5 % quantile. */
    Q05("q05_rel_error", "q5") {
        @Override
        public double of(double[] reference, double[] candidate) {
            return relative(Quantiles.exact(candidate, 0.05), Quantiles.exact(reference, 0.05));
        }
    },
    /** Relative error of the 95 % quantile. */
    Q95("q95_rel_error", "q95") {
        @Override
        public double of(double[] reference, double[] candidate) {
            return relative(Quantiles.exact(candidate, 0.95), Quantiles.exact(reference, 0.95));
        }
    },
    /** Wasserstein-1 distance over the reference's standard deviation: a shift in units of spread. */
    W1_OVER_STD("w1_over_std", "W1/std") {
        @Override
        public double of(double[] reference, double[] candidate) {
            return SampleDistances.wasserstein1(reference, candidate) / std(reference);
        }
    },
    /** Two-sample Kolmogorov-Smirnov statistic: the largest gap between the two CDFs. */
    KS("ks_statistic", "KS") {
        @Override
        public double of(double[] reference, double[] candidate) {
            return KolmogorovSmirnovTest.withDefaults().statistic(reference, candidate);
        }
    },
    /** Its p-value under the hypothesis of one distribution; not bootstrapped (it is no estimate). */
    KS_P("ks_p_value", "KS p") {
        @Override
        public double of(double[] reference, double[] candidate) {
            return KolmogorovSmirnovTest.withDefaults().test(reference, candidate).getPValue();
        }
    };

    private final String key;
    private final String heading;

    Metric(String key, String heading) {
        this.key = key;
        this.heading = heading;
    }

    /** The metric's value for these two samples. */
    public abstract double of(double[] reference, double[] candidate);

    /** Name in files. */
    public String key() {
        return key;
    }

    /** Column heading in tables. */
    public String heading() {
        return heading;
    }

    /** Whether a bootstrap interval means something for it. */
    public boolean bootstrapped() {
        return this != KS_P;
    }

    /** Whether it is a signed relative error, shown in percent. */
    public boolean relativeError() {
        return ordinal() <= Q95.ordinal();
    }

    private static double relative(double candidate, double reference) {
        return (candidate - reference) / Math.abs(reference);
    }

    private static double std(double[] x) {
        return Math.sqrt(RunningMoments.of(x).variance());
    }
}
