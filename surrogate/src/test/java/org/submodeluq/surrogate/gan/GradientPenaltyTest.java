package org.submodeluq.surrogate.gan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.submodeluq.core.random.KeyedStreams;
import org.submodeluq.nn.Mlp;

/**
 * The penalty must reach the critic's weights: autograd's gradient of the full critic loss matches
 * central finite differences, and stops matching when the penalty's input gradient is detached.
 */
class GradientPenaltyTest {

    private static final int[] CRITIC = {5, 7, 6, 1};
    private static final int BATCH = 8;
    private static final double LAMBDA = 10;
    private static final double STEP = 1e-6;

    /** The loss with the penalty either live or computed from a detached input gradient. */
    private static NDArray loss(Mlp critic, NDArray real, NDArray fake, NDArray eps, boolean detached) {
        NDArray complement = eps.neg().add(1);
        if (!detached) {
            return GradientPenalty.criticLoss(critic, real, fake, eps, complement, LAMBDA).loss();
        }
        NDArray interpolated = real.mul(eps).add(fake.mul(complement));
        NDArray penalty = GradientPenalty.penalty(critic,
                critic.inputGradient(critic.pass(interpolated)).stopGradient(), LAMBDA);
        return penalty.sub(critic.forward(real).mean().sub(critic.forward(fake).mean()));
    }

    /** Worst relative disagreement between autograd and central differences over sampled weights of every layer. */
    private static double worstMismatch(boolean detached) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Mlp critic = Mlp.initialised(manager, CRITIC, DataType.FLOAT64, KeyedStreams.stream(3, 0));
            Random random = new Random(4);
            NDArray real = manager.create(random.doubles(BATCH * 5, -2, 2).toArray(), new Shape(BATCH, 5));
            NDArray fake = manager.create(random.doubles(BATCH * 5, -2, 2).toArray(), new Shape(BATCH, 5));
            NDArray eps = manager.create(random.doubles(BATCH, 0, 1).toArray(), new Shape(BATCH, 1));
            List<NDArray> parameters = critic.parameters();
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(loss(critic, real, fake, eps, detached));
            }
            double worst = 0;
            for (int p = 0; p < parameters.size(); p += 2) {
                NDArray weight = parameters.get(p);
                double[] gradient = weight.getGradient().toDoubleArray();
                double[] values = weight.toDoubleArray();
                for (int sample = 0; sample < 4; sample++) {
                    int index = random.nextInt(values.length);
                    double[] shifted = values.clone();
                    shifted[index] = values[index] + STEP;
                    weight.set(shifted);
                    double plus = loss(critic, real, fake, eps, false).getDouble();
                    shifted[index] = values[index] - STEP;
                    weight.set(shifted);
                    double minus = loss(critic, real, fake, eps, false).getDouble();
                    weight.set(values);
                    double numeric = (plus - minus) / (2 * STEP);
                    double relative = Math.abs(gradient[index] - numeric) / Math.max(Math.abs(numeric), 1e-3);
                    worst = Math.max(worst, relative);
                }
            }
            return worst;
        }
    }

    @Test
    void penaltyGradientReachesEveryLayerOfTheCritic() {
        double live = worstMismatch(false);
        double detached = worstMismatch(true);
        System.out.printf("critic loss gradient vs central differences: live penalty %.2e, detached penalty %.2e%n",
                live, detached);
        assertTrue(live < 1e-6, "autograd and finite differences differ by " + live);
        assertTrue(detached > 1e-3, "a detached penalty must show: mismatch only " + detached);
    }
}
