package org.submodeluq.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdamTest {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double LEARNING_RATE = 0.01;

    /** Sets {@code weight}'s gradient to {@code gradient} through the loss sum(weight * gradient). */
    private static void backward(NDArray weight, double[] gradient) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(weight.mul(weight.getManager().create(gradient)).sum());
        }
    }

    /**
     * Kingma and Ba's Algorithm 1 in the form their section 2 gives for efficiency (step size
     * lr sqrt(1 - b2^t) / (1 - b1^t), epsilon added to sqrt(v)), with decoupled weight decay (Loshchilov
     * and Hutter), written out in doubles: the reference the engine's fused kernel must match. The
     * kernel takes its hyperparameters as floats, so the moments decay with the rounded betas, while
     * {@link Adam} computes the step size in double from the exact ones (6.6e-6 too long at t = 1, the
     * gap closing as the corrections tend to 1); the reference does the same. What remains is the
     * rounding of the step size to a float (relative 6e-8 of a step of about 1e-2), hence 2e-9.
     */
    private static double[] reference(double[] w, double[][] gradients, double weightDecay) {
        double beta1 = (float) BETA1;
        double beta2 = (float) BETA2;
        double rate = (float) LEARNING_RATE;
        double decay = (float) weightDecay;
        double[] m = new double[w.length];
        double[] v = new double[w.length];
        double[] x = w.clone();
        for (int t = 1; t <= gradients.length; t++) {
            double step = LEARNING_RATE * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
            for (int i = 0; i < x.length; i++) {
                double g = gradients[t - 1][i];
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                x[i] -= step * m[i] / (Math.sqrt(v[i]) + 1e-8) + rate * decay * x[i];
            }
        }
        return x;
    }

    private static double[] run(double[] w0, double[][] gradients, double weightDecay) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.create(w0);
            weight.setRequiresGradient(true);
            Adam adam = new Adam(List.of(weight), BETA1, BETA2);
            for (double[] gradient : gradients) {
                backward(weight, gradient);
                adam.step(LEARNING_RATE, weightDecay, 1);
            }
            return weight.toDoubleArray();
        }
    }

    @Test
    void threeStepsFollowKingmaAndBa() {
        double[] w0 = {1.0, -2.0, 0.25};
        double[][] gradients = {{0.5, -3.0, 1e-3}, {-0.2, -1.0, 2.0}, {0.1, 4.0, -0.5}};
        assertArrayEquals(reference(w0, gradients, 0), run(w0, gradients, 0), 2e-9);
    }

    @Test
    void weightDecayIsDecoupledFromTheGradient() {
        double[] w0 = {1.0, -2.0, 0.25};
        double[][] gradients = {{0.5, -3.0, 1e-3}, {-0.2, -1.0, 2.0}};
        assertArrayEquals(reference(w0, gradients, 0.1), run(w0, gradients, 0.1), 2e-9);
    }
}
