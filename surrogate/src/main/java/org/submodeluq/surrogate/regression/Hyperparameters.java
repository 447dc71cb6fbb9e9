package org.submodeluq.surrogate.regression;

import java.util.Arrays;

/**
 * The kernel parameters of a {@link GaussianProcess}: k(x, x') = signalVariance * exp(-0.5 sum_j ((x_j -
 * x'_j) / lengthScales_j)^2) + noise [x = x'], all on the normalised outputs.
 *
 * @param signalVariance s2, the variance of the squared-exponential part
 * @param lengthScales l_j, one per input dimension
 * @param noise variance of the white noise, on the training covariance's diagonal only
 */
public record Hyperparameters(double signalVariance, double[] lengthScales, double noise) {

    public Hyperparameters {
        if (lengthScales.length == 0) {
            throw new IllegalArgumentException("hyperparameters need at least one length scale");
        }
        lengthScales = lengthScales.clone();
        double[] all = toArray(signalVariance, lengthScales, noise);
        for (double value : all) {
            if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("hyperparameters " + Arrays.toString(all)
                        + " are not allowed: each must be positive and finite");
            }
        }
    }

    /** From {@link #toArray()}'s layout. */
    public static Hyperparameters fromArray(double[] values) {
        if (values.length < 3) {
            throw new IllegalArgumentException("hyperparameters " + Arrays.toString(values)
                    + " are too few: need signal variance, at least one length scale and noise");
        }
        return new Hyperparameters(values[0], Arrays.copyOfRange(values, 1, values.length - 1),
                values[values.length - 1]);
    }

    /**
     * [s2, l_1, ..., l_d, noise]: the exponential of scikit-learn's {@code kernel_.theta} for
     * ConstantKernel * RBF + WhiteKernel, for storage.
     */
    public double[] toArray() {
        return toArray(signalVariance, lengthScales, noise);
    }

    private static double[] toArray(double signalVariance, double[] lengthScales, double noise) {
        double[] values = new double[lengthScales.length + 2];
        values[0] = signalVariance;
        System.arraycopy(lengthScales, 0, values, 1, lengthScales.length);
        values[values.length - 1] = noise;
        return values;
    }

    /** Input dimensions. */
    public int dimensions() {
        return lengthScales.length;
    }

    @Override
    public double[] lengthScales() {
        return lengthScales.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Hyperparameters h && Arrays.equals(toArray(), h.toArray());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toArray());
    }

    @Override
    public String toString() {
        return "Hyperparameters[s2 " + signalVariance + ", l " + Arrays.toString(lengthScales) + ", noise " + noise
                + "]";
    }
}
