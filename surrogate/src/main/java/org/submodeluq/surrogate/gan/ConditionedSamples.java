package org.submodeluq.surrogate.gan;

import java.util.Arrays;
import org.submodeluq.core.UserInputException;
import org.submodeluq.surrogate.data.SampleMatrix;

/**
 * Samples x_i paired with the condition features c_i they were observed under, row by row: what a
 * conditional WGAN-GP learns x | c from. The conditions come already scaled by the caller; width 0 is the
 * unconditional case.
 *
 * @param samples n x k, here whitened principal-component coefficients
 * @param conditions n x m condition features
 */
public record ConditionedSamples(double[][] samples, double[][] conditions) {

    public ConditionedSamples {
        if (samples.length != conditions.length) {
            throw new IllegalArgumentException(samples.length + " samples but " + conditions.length
                    + " condition rows");
        }
        int m = conditions.length == 0 ? 0 : conditions[0].length;
        for (int i = 0; i < conditions.length; i++) {
            if (conditions[i].length != m) {
                throw new IllegalArgumentException("condition row " + i + " has " + conditions[i].length
                        + " features, not " + m);
            }
            for (int j = 0; j < m; j++) {
                if (!Double.isFinite(conditions[i][j])) {
                    throw new UserInputException("the conditions hold " + conditions[i][j] + " at sample " + i
                            + ", feature " + j + ": a conditional generator needs finite values");
                }
            }
        }
    }

    /** Samples with no conditions (m = 0). */
    public static ConditionedSamples unconditioned(double[][] samples) {
        return new ConditionedSamples(samples, new double[samples.length][0]);
    }

    public int size() {
        return samples.length;
    }

    /** k, the width of a sample. */
    public int sampleWidth() {
        return samples[0].length;
    }

    /** m, the number of condition features. */
    public int conditionWidth() {
        return conditions.length == 0 ? 0 : conditions[0].length;
    }

    /** The pairs [x_i, c_i], the critic's inputs. */
    double[][] pairs() {
        double[][] pairs = new double[samples.length][];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = joined(samples[i], conditions[i]);
        }
        return pairs;
    }

    /** {@code [x, c]}. */
    static double[] joined(double[] x, double[] c) {
        double[] pair = Arrays.copyOf(x, x.length + c.length);
        System.arraycopy(c, 0, pair, x.length, c.length);
        return pair;
    }

    /**
     * What identifies these data in a checkpoint's key: SHA-256 of the samples, and of the conditions when
     * there are any, so that an unconditional training keeps the key it always had.
     */
    String fingerprint() {
        String fingerprint = new SampleMatrix(samples, new int[] {sampleWidth()}).sha256();
        return conditionWidth() == 0 ? fingerprint
                : fingerprint + " conditions " + new SampleMatrix(conditions, new int[] {conditionWidth()}).sha256();
    }
}
