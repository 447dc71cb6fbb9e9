package org.submodeluq.surrogate;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Path;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.core.random.KeyedStreams;
import org.submodeluq.fem.training.Splits;
import org.submodeluq.surrogate.data.SampleMatrix;
import org.submodeluq.surrogate.data.TrainingData;
import org.submodeluq.surrogate.gan.TrainingListener;
import org.submodeluq.surrogate.gan.WganGpOptions;

/** Generators on data whose distribution is known. */
class KnownDistributionsTest {

    private static final double[][] MODES = {{0, 0}, {6, 0}, {3, 5}};
    private static final double[] SHARES = {0.5, 0.3, 0.2};

    private static TrainingData data(double[][] rows) {
        return new TrainingData(new SampleMatrix(rows, new int[] {rows[0].length}),
                Splits.of(rows.length, new double[] {0.7, 0.15, 0.15}, 1), "synthetic");
    }

    private static WganGpOptions gan(int iterations) {
        return WganGpOptions.defaults().withLatent(8).withGeneratorHidden(64, 64).withCriticHidden(64, 64)
                .withLearningRate(1e-3).withIterations(iterations).withCheckpointEvery(10_000).withSeed(7);
    }

    private static GeneratorTraining.Result train(TrainingData data, GeneratorKind kind, int iterations, Path dir) {
        return GeneratorTraining.train(data, new GeneratorTraining.Settings(kind, 0.999, 0, gan(Math.max(iterations, 1)), 3,
                Device.cpu(), GeneratorTraining.Conditional.defaults(1)), dir.resolve(kind.text()), TrainingListener.SILENT);
    }

    @Test
    @Tag("slow")
    void gaussianDataIsRecoveredByPcaGaussianAndMatchedByTheGan(@TempDir Path directory) {
        UniformRandomProvider rng = KeyedStreams.stream(11, 0);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] mean = {1, -2, 0.5, 3};
        double[][] factor = {{2, 0, 0, 0}, {0.8, 1.2, 0, 0}, {-0.5, 0.3, 0.9, 0}, {0.2, -0.4, 0.3, 0.7}};
        double[][] rows = new double[6000][4];
        for (double[] row : rows) {
            double[] e = {gaussian.sample(), gaussian.sample(), gaussian.sample(), gaussian.sample()};
            for (int i = 0; i < 4; i++) {
                row[i] = mean[i];
                for (int j = 0; j <= i; j++) {
                    row[i] += factor[i][j] * e[j];
                }
            }
        }
        TrainingData data = data(rows);
        GeneratorTraining.Result pca = train(data, GeneratorKind.PCA_GAUSSIAN, 0, directory);
        GeneratorTraining.Result gan = train(data, GeneratorKind.WGAN_GP, 6000, directory);
        double[][] generated = pca.generator().sample(50_000, 5);
        double[] sampleMean = new double[4];
        double[][] covariance = new double[4][4];
        for (double[] row : generated) {
            for (int i = 0; i < 4; i++) {
                sampleMean[i] += row[i] / generated.length;
            }
        }
        for (double[] row : generated) {
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    covariance[i][j] += (row[i] - sampleMean[i]) * (row[j] - sampleMean[j]) / (generated.length - 1);
                }
            }
        }
        double error = 0;
        double norm = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double exact = 0;
                for (int k = 0; k < 4; k++) {
                    exact += factor[i][k] * factor[j][k];
                }
                error += (covariance[i][j] - exact) * (covariance[i][j] - exact);
                norm += exact * exact;
            }
        }
        double covarianceError = Math.sqrt(error / norm);
        double pcaEnergy = pca.metrics().energyDistance();
        double ganEnergy = gan.metrics().energyDistance();
        System.out.printf("gaussian: PCA-Gaussian mean %s, covariance error %.3f; energy distance PCA %.4f, GAN %.4f%n",
                java.util.Arrays.toString(sampleMean), covarianceError, pcaEnergy, ganEnergy);
        // 4200 training samples: the mean's standard error is at most 2 / sqrt(4200) = 0.031 per coordinate,
        // and a covariance estimate's relative error is about sqrt(2 / 4200) = 0.022
        assertAll(
                () -> assertEquals(mean[0], sampleMean[0], 0.12),
                () -> assertEquals(mean[1], sampleMean[1], 0.12),
                () -> assertEquals(mean[2], sampleMean[2], 0.12),
                () -> assertEquals(mean[3], sampleMean[3], 0.12),
                () -> assertTrue(covarianceError < 0.08, "covariance error " + covarianceError),
                () -> assertTrue(ganEnergy < 2 * pcaEnergy, "GAN " + ganEnergy + " vs PCA-Gaussian " + pcaEnergy));
    }

    @Test
    @Tag("slow")
    void ganPutsMassOnEveryModeOfAMixtureAndBeatsTheLinearBaseline(@TempDir Path directory) {
        UniformRandomProvider rng = KeyedStreams.stream(12, 0);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] rows = new double[6000][2];
        for (double[] row : rows) {
            double u = rng.nextDouble();
            int mode = u < SHARES[0] ? 0 : u < SHARES[0] + SHARES[1] ? 1 : 2;
            row[0] = MODES[mode][0] + 0.5 * gaussian.sample();
            row[1] = MODES[mode][1] + 0.5 * gaussian.sample();
        }
        TrainingData data = data(rows);
        GeneratorTraining.Result pca = train(data, GeneratorKind.PCA_GAUSSIAN, 0, directory);
        GeneratorTraining.Result gan = train(data, GeneratorKind.WGAN_GP, 3000, directory);
        double[][] generated = gan.generator().sample(20_000, 9);
        double[] shares = new double[3];
        for (double[] row : generated) {
            int nearest = 0;
            for (int m = 1; m < 3; m++) {
                if (Math.hypot(row[0] - MODES[m][0], row[1] - MODES[m][1])
                        < Math.hypot(row[0] - MODES[nearest][0], row[1] - MODES[nearest][1])) {
                    nearest = m;
                }
            }
            shares[nearest] += 1.0 / generated.length;
        }
        double pcaEnergy = pca.metrics().energyDistance();
        double ganEnergy = gan.metrics().energyDistance();
        System.out.printf("mixture: GAN mode shares %s (true %s); energy distance PCA %.4f, GAN %.4f%n",
                java.util.Arrays.toString(shares), java.util.Arrays.toString(SHARES), pcaEnergy, ganEnergy);
        assertAll(
                () -> assertTrue(shares[0] > SHARES[0] / 1.5 && shares[0] < SHARES[0] * 1.5, "mode 0: " + shares[0]),
                () -> assertTrue(shares[1] > SHARES[1] / 1.5 && shares[1] < SHARES[1] * 1.5, "mode 1: " + shares[1]),
                () -> assertTrue(shares[2] > SHARES[2] / 1.5 && shares[2] < SHARES[2] * 1.5, "mode 2: " + shares[2]),
                () -> assertTrue(pcaEnergy > 3 * ganEnergy, "PCA-Gaussian " + pcaEnergy + " vs GAN " + ganEnergy));
    }
}
