package org.submodeluq.montecarlo.multifidelity;

import org.submodeluq.montecarlo.estimate.ConfidenceLevel;
import org.submodeluq.montecarlo.estimate.Interval;

/**
 * The mean of the full runs corrected by surrogates used as control variates, for the design of
 * {@link PairedSample}: each surrogate's cheap set independent of the pairs and of the others' (Gorodetsky
 * et al. 2020 call this design ACV-IS; ACV-MF and MFMC nest the cheap sets instead).
 *
 * <p>Estimator, with {@code ybar}, {@code fbar_k} means over the {@code n} pairs and {@code gbar_k} over the
 * {@code M_k} cheap values: {@code mu = ybar + sum_k a_k (gbar_k - fbar_k)}. It is unbiased for any fixed
 * weights since {@code E[gbar_k] = E[fbar_k]}. Because the cheap sets are independent of the pairs and
 * of each other, the only covariances left are within the pairs:
 * <pre>
 * Var(mu) = Var(y)/n - 2 a·c/n + a' (S/n + D) a,
 *   c_k = Cov(y, f_k),  S_kl = Cov(f_k, f_l),  D = diag(Var(g_k) / M_k).
 * </pre>
 * Setting the gradient to zero gives the optimal weights {@code (S/n + D) a = c/n}, a k x k system solved
 * by Cholesky, and the minimal variance {@code Var(y)/n - a·c/n}. With one surrogate and
 * {@code Var(g) = Var(f)} (same surrogate, same input law): {@code a = Cov(y,f) / (Var(f) (1 + n/M))} and
 * {@code Var(mu) = Var(y)/n (1 - rho^2 M/(n + M))}: the correlation's full benefit {@code 1 - rho^2} only as
 * {@code M/n -> infinity}. This is MFMC's one-surrogate estimator with {@code m_1 = n + M} surrogate
 * evaluations in all, rescaled: the mean of f over all of them minus {@code fbar} is
 * {@code M/(n+M) (gbar - fbar)}.
 *
 * <p>The moments are replaced by sample moments (divisor n - 1), {@code Var(g_k)} by that of the cheap
 * values, the variance of the term it stands for. Estimating the weights from the same pairs makes the
 * estimate biased by O(1/n) and its standard error optimistic by a relative O(1/n), the usual price of
 * control variates with estimated coefficients. The interval is normal, {@code mu ± z SE}.
 */
public final class ControlVariateMean {

    /** Two-sided 95 %, the level the short overloads use. */
    public static final double DEFAULT_LEVEL = 0.95;

    private ControlVariateMean() {
    }

    public static ControlVariateEstimate of(PairedSample sample) {
        return of(sample, DEFAULT_LEVEL);
    }

    /** The control-variate mean with its optimal weights, standard error and {@code level} interval. */
    public static ControlVariateEstimate of(PairedSample sample, double level) {
        double z = ConfidenceLevel.normalQuantile(level);
        int n = sample.pairs();
        int k = sample.surrogates();
        double[] y = sample.fullRuns();
        double[][] f = new double[k][];
        double[][] g = new double[k][];
        for (int s = 0; s < k; s++) {
            f[s] = sample.paired(s);
            g[s] = sample.cheap(s);
        }
        double varY = Moments.covariance(y, y);
        double[] c = new double[k];
        double[][] termCovariance = new double[k][k];
        double[] correlations = new double[k];
        for (int s = 0; s < k; s++) {
            c[s] = Moments.covariance(y, f[s]) / n;
            for (int t = 0; t <= s; t++) {
                termCovariance[s][t] = Moments.covariance(f[s], f[t]) / n;
                termCovariance[t][s] = termCovariance[s][t];
            }
            termCovariance[s][s] += Moments.covariance(g[s], g[s]) / g[s].length;
            correlations[s] = c[s] * n / Math.sqrt(varY * Moments.covariance(f[s], f[s]));
        }
        double[] weights = Cholesky.solveSkippingZeroDiagonal(termCovariance, c);
        double estimate = Moments.mean(y);
        double variance = varY / n;
        for (int s = 0; s < k; s++) {
            estimate += weights[s] * (Moments.mean(g[s]) - Moments.mean(f[s]));
            variance -= 2 * weights[s] * c[s];
            for (int t = 0; t < k; t++) {
                variance += weights[s] * termCovariance[s][t] * weights[t];
            }
        }
        variance = Math.max(0, variance);
        double standardError = Math.sqrt(variance);
        return new ControlVariateEstimate(estimate, standardError, Interval.around(estimate, z * standardError),
                weights, correlations, varY / n / variance);
    }

    /** Plain Monte Carlo on the full runs alone: the row the control variate is compared with. */
    public static PlainEstimate fullRunsOnly(PairedSample sample, double level) {
        return PlainEstimate.of(sample.fullRuns(), level);
    }

    /** Surrogate {@code surrogate}'s cheap values alone, uncorrected: biased by the surrogate's error. */
    public static PlainEstimate surrogateOnly(PairedSample sample, int surrogate, double level) {
        return PlainEstimate.of(sample.cheap(surrogate), level);
    }
}
