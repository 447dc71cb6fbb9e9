package org.submodeluq.surrogate.emulator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.core.progress.CampaignProgress;
import org.submodeluq.fem.io.TrainingSetFile;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.FullModel;
import org.submodeluq.fem.model.FullRun;
import org.submodeluq.fem.model.JavaSolver;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.fem.training.TrainingCampaign;

/** The emulator on real full runs of a small plate (the Java solver, 54 training runs). */
class EmulatorOnFullRunsTest {

    private static final CaseSpec SPEC = CaseFiles.defaultCase().withMesh(20, 5).withTime(80, 0.02);

    @TempDir
    static Path directory;

    /**
     * Measured: 0.976, 0.900 and 0.980, against 0.759, 0.925 and 0.860 for a^p alone, which ignores the
     * centre, the duration and the field. The peak von Mises stress of this coarse mesh is mostly the
     * amplitude: 43 runs a fold do not teach the rest of it (on the default case's 300 FEniCS runs the
     * emulator reaches 0.981, a^p alone 0.934).
     */
    @Test
    void crossFittedQuantitiesCorrelateWithTheFullRunsTheyDidNotSee() {
        ZonedMesh zoned = new ZonedMesh(SPEC);
        Path set = directory.resolve("training.h5");
        new TrainingCampaign(zoned, 4, 90, new double[] {0.6, 0.1, 0.3}, set)
                .run(new JavaSolver(new FullModel(zoned), 2), "java", CampaignProgress.SILENT);
        TrainingSetFile.Contents contents = TrainingSetFile.read(set);
        FullRun[] runs = Arrays.stream(contents.splits().train()).mapToObj(contents.runs()::get).toArray(FullRun[]::new);
        double[][] inputs = Arrays.stream(runs).map(run -> run.theta().toArray()).toArray(double[][]::new);
        double[][] quantities = Arrays.stream(runs).map(run -> run.quantities().toArray()).toArray(double[][]::new);
        double[][] predicted = CrossFittedEmulator.fit(inputs, quantities, 5, 1).predictions();
        double[] emulated = new double[3];
        double[] amplitudeAlone = new double[3];
        for (int q = 0; q < 3; q++) {
            int power = QuantityEmulator.AMPLITUDE_POWERS[q];
            double[] actual = QuantityEmulatorTest.column(quantities, q);
            emulated[q] = QuantityEmulatorTest.correlation(actual, QuantityEmulatorTest.column(predicted, q));
            amplitudeAlone[q] = QuantityEmulatorTest.correlation(actual,
                    Arrays.stream(inputs).mapToDouble(row -> Math.pow(row[0], power)).toArray());
        }
        String measured = "emulator " + Arrays.toString(emulated) + ", a^p alone " + Arrays.toString(amplitudeAlone);
        assertTrue(emulated[0] > 0.95 && emulated[1] > 0.85 && emulated[2] > 0.95, measured);
        assertTrue(emulated[0] > amplitudeAlone[0] + 0.1 && emulated[2] > amplitudeAlone[2] + 0.1, measured);
    }
}
