package org.submodeluq.surrogate.gan;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.core.UserInputException;
import org.submodeluq.nn.Mlp;
import org.submodeluq.surrogate.GeneratorFiles;
import org.submodeluq.surrogate.StandardNormals;
import org.submodeluq.surrogate.data.SampleMatrix;
import org.submodeluq.surrogate.reduction.PcaReduction;

/** Sampling a conditional generator: which noise and which conditions each row gets, and its file. */
class WganGpGeneratorTest {

    private static final int LATENT = 3;
    private static final int CONDITIONS = 2;
    private static final int[] WIDTHS = {LATENT + CONDITIONS, 8, 4};
    private static final long SEED = 21;

    private static final PcaReduction REDUCTION = reduction();
    private static final List<double[]> PARAMETERS = parameters();

    private static PcaReduction reduction() {
        Random random = new Random(1);
        double[][] rows = new double[50][4];
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (j + 1) * random.nextGaussian() + j;
            }
        }
        return PcaReduction.fit(new SampleMatrix(rows, new int[] {2, 2}), 1, 4);
    }

    private static List<double[]> parameters() {
        Random random = new Random(2);
        List<double[]> parameters = new ArrayList<>();
        for (int i = 0; i + 1 < WIDTHS.length; i++) {
            parameters.add(random.doubles((long) WIDTHS[i] * WIDTHS[i + 1], -0.5, 0.5).toArray());
            parameters.add(random.doubles(WIDTHS[i + 1], -0.1, 0.1).toArray());
        }
        return parameters;
    }

    private static WganGpGenerator generator() {
        return new WganGpGenerator(REDUCTION, new int[] {2, 2}, WIDTHS, CONDITIONS, PARAMETERS, Device.cpu());
    }

    private static double[][] conditions(int n) {
        Random random = new Random(3);
        double[][] conditions = new double[n][];
        for (int i = 0; i < n; i++) {
            conditions[i] = random.doubles(CONDITIONS, -1, 1).toArray();
        }
        return conditions;
    }

    /** The network in plain Java, {@code [z, c] -> LeakyReLU(. W_0 + b_0) -> . W_1 + b_1}, then decoded. */
    private static double[] byHand(double[] z, double[] c) {
        double[] input = ConditionedSamples.joined(z, c);
        double[] hidden = new double[WIDTHS[1]];
        for (int j = 0; j < hidden.length; j++) {
            double sum = PARAMETERS.get(1)[j];
            for (int i = 0; i < input.length; i++) {
                sum += input[i] * PARAMETERS.get(0)[i * WIDTHS[1] + j];
            }
            hidden[j] = sum > 0 ? sum : Mlp.SLOPE * sum;
        }
        double[] output = new double[WIDTHS[2]];
        for (int j = 0; j < output.length; j++) {
            output[j] = PARAMETERS.get(3)[j];
            for (int i = 0; i < hidden.length; i++) {
                output[j] += hidden[i] * PARAMETERS.get(2)[i * WIDTHS[2] + j];
            }
        }
        return REDUCTION.decode(new double[][] {output})[0];
    }

    @Test
    void rowITakesNoiseStreamFirstPlusIAndConditionsRowI() {
        double[][] conditions = conditions(6);
        double[][] whole = generator().sample(SEED, 10, 6, conditions);
        double[][] part = generator().sample(SEED, 12, 3, Arrays.copyOfRange(conditions, 2, 5));
        for (int i = 0; i < 6; i++) {
            double[] z = StandardNormals.rows(SEED, 10 + i, 1, LATENT)[0];
            assertArrayEquals(byHand(z, conditions[i]), whole[i], 1e-12, "row " + i + " against the network by hand");
        }
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(whole[2 + i], part[i], 0, "rows 12.. drawn alone");
        }
    }

    @Test
    void conditionalGeneratorRefusesToSampleWithoutConditions() {
        UserInputException refused = assertThrows(UserInputException.class, () -> generator().sample(SEED, 0, 2));
        IllegalArgumentException narrow = assertThrows(IllegalArgumentException.class,
                () -> generator().sample(SEED, 0, 2, new double[2][1]));
        assertAll(
                () -> assertEquals("this WGAN-GP generator is conditioned on 2 features: each sample needs its conditions",
                        refused.getMessage()),
                () -> assertEquals("condition row 0 has 1 features; the generator takes 2", narrow.getMessage()));
    }

    @Test
    void unconditionalSamplesAreSamplesAtNoConditions() {
        List<double[]> parameters = new ArrayList<>(PARAMETERS);
        parameters.set(0, Arrays.copyOf(PARAMETERS.get(0), LATENT * WIDTHS[1]));
        WganGpGenerator unconditional = new WganGpGenerator(REDUCTION, new int[] {2, 2},
                new int[] {LATENT, WIDTHS[1], WIDTHS[2]}, 0, parameters, Device.cpu());
        double[][] plain = unconditional.sample(SEED, 4, 3);
        double[][] none = unconditional.sample(SEED, 4, 3, new double[3][0]);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(plain[i], none[i], 0, "row " + i);
        }
    }

    @Test
    void conditionWidthSurvivesSaveAndLoad(@TempDir Path directory) {
        GeneratorFiles.save(directory, generator(), REDUCTION, Optional.empty(), Map.of());
        WganGpGenerator loaded = (WganGpGenerator) GeneratorFiles.load(directory, new int[] {2, 2}, Device.cpu());
        double[][] conditions = conditions(4);
        double[][] before = generator().sample(SEED, 0, 4, conditions);
        double[][] after = loaded.sample(SEED, 0, 4, conditions);
        assertEquals(CONDITIONS, loaded.conditionWidth());
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(before[i], after[i], 0, "row " + i);
        }
    }
}
