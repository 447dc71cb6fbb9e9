package org.submodeluq.surrogate.gan;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WganGpTrainerTest {

    private static final double[][] TRAIN = data(400, 1);
    private static final double[][] VALIDATION = data(100, 2);
    private static final Split UNCONDITIONAL = new Split(ConditionedSamples.unconditioned(TRAIN),
            ConditionedSamples.unconditioned(VALIDATION));
    private static final Split CONDITIONAL = new Split(conditioned(TRAIN, 3), conditioned(VALIDATION, 4));

    /** Training and validation data. */
    private record Split(ConditionedSamples train, ConditionedSamples validation) {
    }

    private static double[][] data(int n, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[n][3];
        for (double[] row : rows) {
            row[0] = random.nextGaussian();
            row[1] = random.nextBoolean() ? 1 + 0.3 * random.nextGaussian() : -1 + 0.3 * random.nextGaussian();
            row[2] = row[0] * row[1];
        }
        return rows;
    }

    /** The rows shifted and scaled by two uniform condition features, so that x depends on c. */
    private static ConditionedSamples conditioned(double[][] rows, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[rows.length][];
        double[][] c = new double[rows.length][2];
        for (int i = 0; i < rows.length; i++) {
            c[i][0] = random.nextDouble(-1, 1);
            c[i][1] = random.nextDouble(-1, 1);
            x[i] = new double[] {rows[i][0] + 2 * c[i][0], rows[i][1] * (1 + 0.5 * c[i][1]), rows[i][2]};
        }
        return new ConditionedSamples(x, c);
    }

    private static WganGpOptions options(int iterations) {
        return WganGpOptions.defaults().withLatent(4).withGeneratorHidden(16, 16).withCriticHidden(16, 16)
                .withLearningRate(1e-3).withBatch(32).withIterations(iterations).withEvaluateEvery(50)
                .withCheckpointEvery(100).withSeed(5);
    }

    private static WganGpTrainer.Result train(WganGpOptions options, Path directory, TrainingListener listener) {
        return train(UNCONDITIONAL, options, directory, listener);
    }

    private static WganGpTrainer.Result train(Split data, WganGpOptions options, Path directory,
                                              TrainingListener listener) {
        return new WganGpTrainer(options, data.train(), data.validation(), directory, Device.cpu(), listener).train();
    }

    @Test
    @Tag("slow")
    void sameSeedGivesTheSameBits(@TempDir Path directory) {
        assertSameSeedGivesTheSameBits(UNCONDITIONAL, directory);
    }

    @Test
    @Tag("slow")
    void conditionalTrainingWithTheSameSeedGivesTheSameBits(@TempDir Path directory) {
        assertSameSeedGivesTheSameBits(CONDITIONAL, directory);
    }

    private static void assertSameSeedGivesTheSameBits(Split data, Path directory) {
        WganGpTrainer.Result first = train(data, options(200), directory.resolve("a"), TrainingListener.SILENT);
        WganGpTrainer.Result second = train(data, options(200), directory.resolve("b"), TrainingListener.SILENT);
        WganGpTrainer.Result other = train(data, options(200).withSeed(6), directory.resolve("c"),
                TrainingListener.SILENT);
        int m = data.train().conditionWidth();
        assertEquals(m, first.conditionWidth());
        assertArrayEquals(new int[] {4 + m, 16, 16, 3}, first.widths(), "latent and condition inputs, k outputs");
        assertEquals(first.parameters().size(), second.parameters().size());
        for (int p = 0; p < first.parameters().size(); p++) {
            assertArrayEquals(first.parameters().get(p), second.parameters().get(p), 0, "parameter " + p);
        }
        assertTrue(first.validationEnergy() != other.validationEnergy(), "another seed trains another model");
    }

    @Test
    @Tag("slow")
    void runKilledAfterACheckpointResumesToTheSameModel(@TempDir Path directory) throws IOException {
        assertKilledRunResumesToTheSameModel(UNCONDITIONAL, directory);
    }

    @Test
    @Tag("slow")
    void conditionalRunKilledAfterACheckpointResumesToTheSameModel(@TempDir Path directory) throws IOException {
        assertKilledRunResumesToTheSameModel(CONDITIONAL, directory);
    }

    private static void assertKilledRunResumesToTheSameModel(Split data, Path directory) throws IOException {
        WganGpTrainer.Result uninterrupted = train(data, options(300), directory.resolve("whole"),
                TrainingListener.SILENT);
        Path interrupted = directory.resolve("interrupted");
        TrainingListener killer = new TrainingListener() {
            @Override
            public void iteration(int iteration, int total, double criticLoss, double wasserstein) {
                if (iteration == 250) {
                    throw new IllegalStateException("killed at 250");
                }
            }
        };
        assertThrows(IllegalStateException.class, () -> train(data, options(300), interrupted, killer));
        assertTrue(Files.exists(interrupted.resolve("checkpoint.h5")));
        List<String> notes = new java.util.ArrayList<>();
        WganGpTrainer.Result resumed = train(data, options(300), interrupted, new TrainingListener() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        });
        assertAll(
                () -> assertEquals(List.of("resuming from iteration 200 (" + interrupted.resolve("checkpoint.h5") + ")"),
                        notes),
                () -> assertEquals(uninterrupted.bestIteration(), resumed.bestIteration()),
                () -> assertEquals(uninterrupted.validationEnergy(), resumed.validationEnergy(), 0),
                () -> assertEquals(Files.readAllLines(directory.resolve("whole/training-log.csv")),
                        Files.readAllLines(interrupted.resolve("training-log.csv"))));
        for (int p = 0; p < uninterrupted.parameters().size(); p++) {
            assertArrayEquals(uninterrupted.parameters().get(p), resumed.parameters().get(p), 0, "parameter " + p);
        }
    }

    @Test
    void checkpointOfOtherConditionsIsNotResumed(@TempDir Path directory) {
        train(CONDITIONAL, options(20).withCheckpointEvery(20), directory, TrainingListener.SILENT);
        double[][] reversed = CONDITIONAL.train().conditions().clone();
        Collections.reverse(Arrays.asList(reversed));
        Split otherConditions = new Split(new ConditionedSamples(CONDITIONAL.train().samples(), reversed),
                CONDITIONAL.validation());
        List<String> notes = new java.util.ArrayList<>();
        train(otherConditions, options(20).withCheckpointEvery(20), directory, new TrainingListener() {
            @Override
            public void note(String message) {
                notes.add(message);
            }
        });
        assertEquals(List.of("ignoring " + directory.resolve("checkpoint.h5") + ": it was made with other options or data"),
                notes);
    }

    @Test
    @Tag("slow")
    void residentMemoryStaysFlatOverThousandsOfIterations(@TempDir Path directory) {
        long[] resident = new long[2];
        train(options(5000), directory, new TrainingListener() {
            @Override
            public void iteration(int iteration, int total, double criticLoss, double wasserstein) {
                if (iteration == 1000) {
                    resident[0] = residentKilobytes();
                } else if (iteration == 5000) {
                    resident[1] = residentKilobytes();
                }
            }
        });
        double growth = (double) resident[1] / resident[0] - 1;
        System.out.printf("resident memory: %d kB at iteration 1000, %d kB at 5000 (%+.1f %%)%n", resident[0],
                resident[1], 100 * growth);
        assertTrue(Math.abs(growth) < 0.10, "resident memory changed by " + 100 * growth + " %");
    }

    private static long residentKilobytes() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
