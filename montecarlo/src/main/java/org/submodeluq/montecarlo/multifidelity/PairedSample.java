package org.submodeluq.montecarlo.multifidelity;

import java.util.Arrays;
import org.submodeluq.core.UserInputException;

/**
 * One quantity of interest seen at two fidelities: {@code n} full runs {@code y_i}, for each surrogate
 * {@code k} its value {@code f_ki} at the same inputs as run {@code i}, and its values {@code g_kj} at
 * {@code M_k} fresh inputs drawn independently of the runs (and of the other surrogates' fresh inputs).
 *
 * <p>The control-variate correction {@code mean(g_k) - mean(f_k)} has expectation zero only if {@code f_k}
 * and {@code g_k} come from the same surrogate: with cross-fitting, {@code g_k} must be drawn from the
 * same fold models in the same proportions as {@code f_k}, otherwise the estimate is biased by the
 * difference of their means. The arrays are copied.
 */
public final class PairedSample {

    /** Below this many runs the sample covariances that set the weights are too noisy to trust. */
    public static final int MIN_PAIRS = 10;

    private final double[] fullRuns;
    private final double[][] paired;
    private final double[][] cheap;

    private PairedSample(double[] fullRuns, double[][] paired, double[][] cheap) {
        if (fullRuns.length < MIN_PAIRS) {
            throw new UserInputException(
                    "at least " + MIN_PAIRS + " paired runs are needed, got " + fullRuns.length);
        }
        if (paired.length == 0 || paired.length != cheap.length) {
            throw new IllegalArgumentException("each surrogate needs paired and cheap values: got "
                    + paired.length + " paired and " + cheap.length + " cheap sets");
        }
        requireFinite(fullRuns, "full run");
        for (int k = 0; k < paired.length; k++) {
            String surrogate = "surrogate " + (k + 1);
            if (paired[k].length != fullRuns.length) {
                throw new IllegalArgumentException(surrogate + " has " + paired[k].length
                        + " paired values for " + fullRuns.length + " full runs");
            }
            if (cheap[k].length < 2) {
                throw new IllegalArgumentException(
                        surrogate + " needs at least 2 cheap values, got " + cheap[k].length);
            }
            requireFinite(paired[k], surrogate + " paired value");
            requireFinite(cheap[k], surrogate + " cheap value");
        }
        this.fullRuns = fullRuns.clone();
        this.paired = deepCopy(paired);
        this.cheap = deepCopy(cheap);
    }

    /** One surrogate: full runs {@code y}, its paired values {@code f}, its cheap values {@code g}. */
    public static PairedSample of(double[] y, double[] f, double[] g) {
        return new PairedSample(y, new double[][] {f}, new double[][] {g});
    }

    /** Several surrogates: {@code f[k]} paired with {@code y}, {@code g[k]} at surrogate k's fresh inputs. */
    public static PairedSample of(double[] y, double[][] f, double[][] g) {
        return new PairedSample(y, f, g);
    }

    public int pairs() {
        return fullRuns.length;
    }

    public int surrogates() {
        return paired.length;
    }

    public int cheapSize(int surrogate) {
        return cheap[surrogate].length;
    }

    public double[] fullRuns() {
        return fullRuns.clone();
    }

    public double[] paired(int surrogate) {
        return paired[surrogate].clone();
    }

    public double[] cheap(int surrogate) {
        return cheap[surrogate].clone();
    }

    /** The same design seen through {@code 1{value > threshold}}: the sample of the exceedance indicators. */
    PairedSample exceeding(double threshold) {
        double[][] f = new double[paired.length][];
        double[][] g = new double[cheap.length][];
        for (int k = 0; k < paired.length; k++) {
            f[k] = indicator(paired[k], threshold);
            g[k] = indicator(cheap[k], threshold);
        }
        return new PairedSample(indicator(fullRuns, threshold), f, g);
    }

    private static double[] indicator(double[] x, double threshold) {
        return Arrays.stream(x).map(v -> v > threshold ? 1 : 0).toArray();
    }

    private static void requireFinite(double[] x, String what) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new UserInputException(what + " " + i + " is " + x[i] + ", not a finite number");
            }
        }
    }

    private static double[][] deepCopy(double[][] x) {
        return Arrays.stream(x).map(double[]::clone).toArray(double[][]::new);
    }
}
