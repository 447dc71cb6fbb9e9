package org.submodeluq.surrogate.gan;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.core.random.KeyedStreams;
import org.submodeluq.surrogate.data.SampleMatrix;
import org.submodeluq.surrogate.reduction.PcaReduction;

/**
 * A conditional WGAN-GP on a distribution known in closed form: c ~ U[-1, 1]^2 and x | c ~ N(f(c), diag
 * s(c)^2) in three dimensions, f and s smooth and nonlinear, s varying by a factor 3 to 4 over c.
 */
class ConditionalKnownDistributionTest {

    /** Held-out conditions, none a training row, none at a corner of the square. */
    private static final double[][] HELD_OUT = {{0, 0}, {0.6, -0.5}, {-0.7, 0.4}, {0.7, 0.8}, {-0.5, -0.8}};
    private static final int DRAWS = 2000;

    private static double[] mean(double[] c) {
        return new double[] {Math.sin(2 * c[0]) + c[1], c[0] * c[1] + 0.5 * Math.cos(2 * c[1]), 0.5 * c[0] - c[1] * c[1]};
    }

    private static double[] std(double[] c) {
        return new double[] {0.1 + 0.2 * (1 + c[1]), 0.1 + 0.3 * c[0] * c[0], 0.3 - 0.15 * c[0] * c[1]};
    }

    private static ConditionedSamples pairs(int n, long seed) {
        UniformRandomProvider rng = KeyedStreams.stream(seed, 0);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] x = new double[n][3];
        double[][] c = new double[n][2];
        for (int i = 0; i < n; i++) {
            c[i][0] = 2 * rng.nextDouble() - 1;
            c[i][1] = 2 * rng.nextDouble() - 1;
            double[] mean = mean(c[i]);
            double[] std = std(c[i]);
            for (int k = 0; k < 3; k++) {
                x[i][k] = mean[k] + std[k] * gaussian.sample();
            }
        }
        return new ConditionedSamples(x, c);
    }

    /**
     * How far draws at the held-out conditions are from x | c, over the 5 points and 3 coordinates: the
     * RMS of (sample mean - f) / s, the RMS of ln(sample std / s), and the correlation between ln(sample
     * std) and ln s across the points, each coordinate centred on its own average (1 when the draws follow
     * every change of s with c, undefined for draws that ignore c).
     */
    private record Moments(double meanError, double stdError, double stdTracking) {

        static Moments of(IntFunction<double[][]> drawsAtPoint) {
            double meanSquares = 0;
            double stdSquares = 0;
            double[][] logStd = new double[3][HELD_OUT.length];
            double[][] logTrue = new double[3][HELD_OUT.length];
            for (int p = 0; p < HELD_OUT.length; p++) {
                double[][] x = drawsAtPoint.apply(p);
                double[] mean = mean(HELD_OUT[p]);
                double[] std = std(HELD_OUT[p]);
                for (int k = 0; k < 3; k++) {
                    int column = k;
                    double sampleMean = Arrays.stream(x).mapToDouble(row -> row[column]).average().orElseThrow();
                    double variance = Arrays.stream(x).mapToDouble(row -> Math.pow(row[column] - sampleMean, 2)).sum()
                            / (x.length - 1);
                    meanSquares += Math.pow((sampleMean - mean[k]) / std[k], 2);
                    logStd[k][p] = 0.5 * Math.log(variance);
                    logTrue[k][p] = Math.log(std[k]);
                    stdSquares += Math.pow(logStd[k][p] - logTrue[k][p], 2);
                }
            }
            double products = 0;
            double drawnSquares = 0;
            double trueSquares = 0;
            for (int k = 0; k < 3; k++) {
                double drawnAverage = Arrays.stream(logStd[k]).average().orElseThrow();
                double trueAverage = Arrays.stream(logTrue[k]).average().orElseThrow();
                for (int p = 0; p < HELD_OUT.length; p++) {
                    products += (logStd[k][p] - drawnAverage) * (logTrue[k][p] - trueAverage);
                    drawnSquares += Math.pow(logStd[k][p] - drawnAverage, 2);
                    trueSquares += Math.pow(logTrue[k][p] - trueAverage, 2);
                }
            }
            int count = 3 * HELD_OUT.length;
            return new Moments(Math.sqrt(meanSquares / count), Math.sqrt(stdSquares / count),
                    products / Math.sqrt(drawnSquares * trueSquares));
        }
    }

    /**
     * Trains on 3000 pairs (500 for validation; 4000 iterations of batch 128, 64 x 64 networks, 40 to 80 s
     * on one thread), draws 2000 samples at each of 5 held-out conditions and compares their moments with
     * f and s. Sampling error is negligible: with 2000 draws the standardised mean error has standard
     * deviation 1 / sqrt(2000) = 0.022 and ln(std) 1 / sqrt(2 * 1999) = 0.016. What decides is what GAN
     * training reaches at this size; over seeds 3 to 8 of these settings (this test uses 3) it measured:
     * <ul>
     * <li>mean error 0.15 to 0.81 (0.21 for seed 3): tolerance 1.2. The means follow f to a fraction of s,
     *     and the ideal unconditional generator, the training marginal itself, scores 3.5;</li>
     * <li>std error 0.27 to 0.33 (0.33): tolerance 0.45, i.e. the std is right to within about 35 %, which
     *     is as well as training at this size does; the training marginal scores 1.04;</li>
     * <li>std tracking 0.45 to 0.71 (0.51): tolerance 0.25. The std changes with c the right way, though by
     *     only a quarter to a half of how much s does (slope of ln(std) on ln s 0.24 to 0.45): resolving
     *     heteroscedasticity is this size's weakest point.</li>
     * </ul>
     */
    @Test
    @Tag("slow")
    void momentsAtHeldOutConditionsFollowTheKnownConditionalDistribution(@TempDir Path directory) {
        ConditionedSamples train = pairs(3000, 1);
        ConditionedSamples validation = pairs(500, 2);
        PcaReduction reduction = PcaReduction.fit(new SampleMatrix(train.samples(), new int[] {3}), 1, 3);
        WganGpOptions options = WganGpOptions.defaults().withLatent(4).withGeneratorHidden(64, 64)
                .withCriticHidden(64, 64).withLearningRate(1e-3).withBatch(128).withIterations(4000)
                .withEvaluateEvery(200).withCheckpointEvery(4000).withSeed(3);
        WganGpTrainer.Result result = new WganGpTrainer(options,
                new ConditionedSamples(reduction.encode(train.samples()), train.conditions()),
                new ConditionedSamples(reduction.encode(validation.samples()), validation.conditions()), directory,
                Device.cpu(), TrainingListener.SILENT).train();
        WganGpGenerator generator = new WganGpGenerator(reduction, new int[] {3}, result.widths(),
                result.conditionWidth(), result.parameters(), Device.cpu());
        Moments gan = Moments.of(p -> {
            double[][] conditions = new double[DRAWS][];
            Arrays.fill(conditions, HELD_OUT[p]);
            return generator.sample(100 + p, 0, DRAWS, conditions);
        });
        Moments marginal = Moments.of(p -> Arrays.copyOf(train.samples(), DRAWS));
        System.out.printf("conditional GAN (best iteration %d): mean error %.3f, std error %.3f, std tracking %.3f; "
                + "training marginal: mean error %.3f, std error %.3f%n", result.bestIteration(), gan.meanError(),
                gan.stdError(), gan.stdTracking(), marginal.meanError(), marginal.stdError());
        assertAll(
                () -> assertTrue(gan.meanError() < 1.2, "mean error " + gan.meanError()),
                () -> assertTrue(gan.stdError() < 0.45, "std error " + gan.stdError()),
                () -> assertTrue(gan.stdTracking() > 0.25, "std tracking " + gan.stdTracking()),
                () -> assertTrue(marginal.meanError() > 1.2 && marginal.stdError() > 0.45,
                        "the test must fail an unconditional generator: " + marginal));
    }
}
