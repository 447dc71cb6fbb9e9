package org.submodeluq.surrogate.gan;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.submodeluq.core.random.KeyedStreams;
import org.submodeluq.nn.Mlp;

/**
 * The penalty must reach the critic's weights: autograd's gradient of the full critic loss matches
 * central finite differences, and stops matching when the penalty's input gradient is detached. With
 * conditions, the penalty is that of x -> D(x, c) at fixed c, checked against finite differences in x.
 */
class GradientPenaltyTest {

    private static final int SAMPLE_WIDTH = 5;
    private static final int CONDITION_WIDTH = 2;
    private static final int BATCH = 8;
    private static final double LAMBDA = 10;
    private static final double STEP = 1e-6;

    /** The loss with the penalty either live or computed from a detached input gradient. */
    private static NDArray loss(Mlp critic, NDArray real, NDArray fake, NDArray conditions, NDArray eps,
                                boolean detached) {
        NDArray complement = eps.neg().add(1);
        if (!detached) {
            return GradientPenalty.criticLoss(critic, real, fake, conditions, eps, complement, LAMBDA).loss();
        }
        NDArray interpolated = GradientPenalty.joined(real.mul(eps).add(fake.mul(complement)), conditions);
        NDArray penalty = GradientPenalty.penalty(critic, critic.inputGradient(critic.pass(interpolated))
                .get(":, 0:" + SAMPLE_WIDTH).stopGradient(), LAMBDA);
        return penalty.sub(critic.forward(GradientPenalty.joined(real, conditions)).mean()
                .sub(critic.forward(GradientPenalty.joined(fake, conditions)).mean()));
    }

    /** A critic of [x, c] and a batch of real and fake x, their shared conditions and interpolation weights. */
    private record Problem(Mlp critic, NDArray real, NDArray fake, NDArray conditions, NDArray eps) {

        /** Draws the batch from {@code random}: the conditions last, so that with none the draws are the same. */
        static Problem of(NDManager manager, int conditionWidth, Random random) {
            Mlp critic = Mlp.initialised(manager, new int[] {SAMPLE_WIDTH + conditionWidth, 7, 6, 1},
                    DataType.FLOAT64, KeyedStreams.stream(3, 0));
            Shape samples = new Shape(BATCH, SAMPLE_WIDTH);
            NDArray real = manager.create(random.doubles(BATCH * SAMPLE_WIDTH, -2, 2).toArray(), samples);
            NDArray fake = manager.create(random.doubles(BATCH * SAMPLE_WIDTH, -2, 2).toArray(), samples);
            NDArray eps = manager.create(random.doubles(BATCH, 0, 1).toArray(), new Shape(BATCH, 1));
            NDArray conditions = manager.create(random.doubles(BATCH * conditionWidth, -1, 1).toArray(),
                    new Shape(BATCH, conditionWidth));
            return new Problem(critic, real, fake, conditions, eps);
        }
    }

    /** Worst relative disagreement between autograd and central differences over sampled weights of every layer. */
    private static double worstMismatch(boolean detached, int conditionWidth) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Random random = new Random(4);
            Problem problem = Problem.of(manager, conditionWidth, random);
            Mlp critic = problem.critic();
            NDArray real = problem.real();
            NDArray fake = problem.fake();
            NDArray conditions = problem.conditions();
            NDArray eps = problem.eps();
            List<NDArray> parameters = critic.parameters();
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(loss(critic, real, fake, conditions, eps, detached));
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
                    double plus = loss(critic, real, fake, conditions, eps, false).getDouble();
                    shifted[index] = values[index] - STEP;
                    weight.set(shifted);
                    double minus = loss(critic, real, fake, conditions, eps, false).getDouble();
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
        double live = worstMismatch(false, 0);
        double detached = worstMismatch(true, 0);
        System.out.printf("critic loss gradient vs central differences: live penalty %.2e, detached penalty %.2e%n",
                live, detached);
        assertTrue(live < 1e-6, "autograd and finite differences differ by " + live);
        assertTrue(detached > 1e-3, "a detached penalty must show: mismatch only " + detached);
    }

    @Test
    void conditionalPenaltyGradientReachesEveryLayerOfTheCritic() {
        double live = worstMismatch(false, CONDITION_WIDTH);
        double detached = worstMismatch(true, CONDITION_WIDTH);
        assertAll(
                () -> assertTrue(live < 1e-6, "autograd and finite differences differ by " + live),
                () -> assertTrue(detached > 1e-3, "a detached penalty must show: mismatch only " + detached));
    }

    /**
     * The penalty against lambda mean((||grad_x D(x_hat, c)|| - 1)^2) with the gradient in the k = 5 sample
     * coordinates by central differences of the critic's output (step 1e-6: error about 1e-9 in float64),
     * and against the same with the 2 condition coordinates differentiated too, which it must not be.
     */
    @Test
    void conditionalPenaltyDifferentiatesTheSampleOnly() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Problem problem = Problem.of(manager, CONDITION_WIDTH, new Random(4));
            NDArray complement = problem.eps().neg().add(1);
            double penalty = GradientPenalty.criticLoss(problem.critic(), problem.real(), problem.fake(),
                    problem.conditions(), problem.eps(), complement, LAMBDA).penalty().getDouble();
            NDArray interpolated = GradientPenalty.joined(problem.real().mul(problem.eps())
                    .add(problem.fake().mul(complement)), problem.conditions());
            double inSample = centralDifferencePenalty(problem.critic(), interpolated.toDoubleArray(), SAMPLE_WIDTH,
                    manager);
            double inPair = centralDifferencePenalty(problem.critic(), interpolated.toDoubleArray(),
                    SAMPLE_WIDTH + CONDITION_WIDTH, manager);
            System.out.printf("conditional penalty %.9f; by differences in x %.9f, in [x, c] %.9f%n", penalty,
                    inSample, inPair);
            assertAll(
                    () -> assertEquals(inSample, penalty, 1e-6 * inSample),
                    () -> assertTrue(Math.abs(inPair - penalty) > 1e-3 * inSample,
                            "the conditions' gradient must not count: " + inPair + " vs " + penalty));
        }
    }

    /** lambda mean((||g|| - 1)^2), g the critic's gradient in the first {@code width} inputs by central differences. */
    private static double centralDifferencePenalty(Mlp critic, double[] rows, int width, NDManager manager) {
        int columns = SAMPLE_WIDTH + CONDITION_WIDTH;
        double sum = 0;
        for (int i = 0; i < BATCH; i++) {
            double squared = 0;
            for (int j = 0; j < width; j++) {
                double[] shifted = Arrays.copyOfRange(rows, i * columns, (i + 1) * columns);
                shifted[j] += STEP;
                double plus = critic.forward(manager.create(shifted, new Shape(1, columns))).getDouble();
                shifted[j] -= 2 * STEP;
                double minus = critic.forward(manager.create(shifted, new Shape(1, columns))).getDouble();
                squared += Math.pow((plus - minus) / (2 * STEP), 2);
            }
            sum += Math.pow(Math.sqrt(squared) - 1, 2);
        }
        return LAMBDA * sum / BATCH;
    }
}
