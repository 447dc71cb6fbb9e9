package org.submodeluq.surrogate.conditional;

import org.submodeluq.fem.spec.TimeGrid;
import org.submodeluq.fem.spec.TractionPulse;

/**
 * The load's time history as an operator on traces. The plate starts at rest, the integrator samples
 * the load at the grid times and the system is linear and time-invariant, so a trace is the causal
 * convolution of an impulse response with the pulse's samples: {@code y = T_d g}, T_d lower-triangular
 * Toeplitz with first column {@code f_d(t_1 .. t_N)}. Such matrices commute and form a group (while
 * {@code f_d(t_1) != 0}), so the trace of another duration d' is {@code T_d' T_d^-1 y}, itself a causal
 * convolution with one kernel: the duration enters exactly, no regression needed.
 */
public final class PulseConvolution {

    private final double[] times;

    public PulseConvolution(TimeGrid grid) {
        this.times = grid.times();
    }

    /** Number of time steps a channel has. */
    public int steps() {
        return times.length;
    }

    /**
     * Whether a pulse of this duration can be divided out stably: it must span at least two time steps.
     * The inverse's first entry is 1 / f_d(t_1), which blows up as the pulse shrinks to one step.
     */
    public boolean invertible(double duration) {
        return duration >= 2 * times[0];
    }

    /** The kernel that maps a trace under a pulse of duration {@code from} to one under {@code to}. */
    public double[] kernel(double from, double to) {
        return product(pulse(to), inverse(pulse(from)));
    }

    /**
     * Convolves every channel of a flattened trace (channels of {@link #steps()} values one after the
     * other) with {@code kernel}, causally and truncated to the grid.
     */
    public double[] apply(double[] kernel, double[] traces) {
        int n = times.length;
        double[] out = new double[traces.length];
        for (int offset = 0; offset < traces.length; offset += n) {
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j <= i; j++) {
                    sum += kernel[i - j] * traces[offset + j];
                }
                out[offset + i] = sum;
            }
        }
        return out;
    }

    private double[] pulse(double duration) {
        double[] f = new double[times.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = TractionPulse.halfSine(times[i], duration);
        }
        return f;
    }

    /** First column of the product of two lower-triangular Toeplitz matrices: a truncated convolution. */
    private static double[] product(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < c.length; i++) {
            double sum = 0;
            for (int j = 0; j <= i; j++) {
                sum += a[i - j] * b[j];
            }
            c[i] = sum;
        }
        return c;
    }

    /** First column of the inverse, by forward substitution on {@code T x = e_1}. */
    private static double[] inverse(double[] f) {
        double[] x = new double[f.length];
        x[0] = 1 / f[0];
        for (int i = 1; i < f.length; i++) {
            double sum = 0;
            for (int j = 0; j < i; j++) {
                sum += f[i - j] * x[j];
            }
            x[i] = -sum / f[0];
        }
        return x;
    }
}
