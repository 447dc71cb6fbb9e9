package org.submodeluq.montecarlo;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.FullModel;
import org.submodeluq.fem.model.JavaSolver;
import org.submodeluq.fem.model.Submodel;
import org.submodeluq.fem.model.ThetaSampler;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.core.progress.CampaignProgress;
import org.submodeluq.fem.training.TrainingCampaign;
import org.submodeluq.montecarlo.compare.Comparison;
import org.submodeluq.montecarlo.compare.ComparisonFile;
import org.submodeluq.montecarlo.compare.ComparisonReport;
import org.submodeluq.montecarlo.compare.ComparisonRow;
import org.submodeluq.montecarlo.compare.Metric;

/** Comparisons with reference full runs: the exact floor, the table's files, and files that do not belong. */
class ComparisonTest {

    private static final CaseSpec SPEC = CaseFiles.defaultCase().withMesh(40, 10).withTime(50, 0.04);

    @TempDir
    static Path directory;
    private static Path training;

    @BeforeAll
    static void trainingSet() {
        training = directory.resolve("training.h5");
        ZonedMesh zoned = new ZonedMesh(SPEC);
        try (JavaSolver solver = new JavaSolver(new FullModel(zoned), 2)) {
            new TrainingCampaign(zoned, 4, 40, new double[] {0.5, 0.1, 0.4}, training).run(solver, "java",
                    CampaignProgress.SILENT);
        }
    }

    private static Path monteCarlo(CaseSpec spec, String name) {
        Submodel submodel = new Submodel(spec);
        var base = new FullModel(submodel.mesh()).run(new ThetaSampler(spec, 1).sample(0)).traces();
        Path out = directory.resolve(name);
        new MonteCarloCampaign(new SubmodelSampler(submodel, new ScaledTraces(base, -1)),
                new GeneratorLabel("scaled", "{}", "cpu"), CampaignSettings.of(200, 1, 2), out).run(CampaignProgress.SILENT);
        return out;
    }

    @Test
    void theExactReplayReproducesEveryTestRunToRoundOff() {
        ComparisonReport report = Comparison.run(training, List.of(monteCarlo(SPEC, "scaled.h5")),
                new Comparison.Settings(100, 0.95, 0, 2), line -> { });
        ComparisonRow exact = report.rowsOf("peak_von_mises").get(1);
        assertAll(
                () -> assertEquals(16, report.referenceRuns()),
                () -> assertTrue(report.exactMaxRelativeError()[0] < 1e-8
                        && report.exactMaxRelativeError()[1] < 1e-8 && report.exactMaxRelativeError()[2] < 1e-8,
                        "exact replay errors " + java.util.Arrays.toString(report.exactMaxRelativeError())),
                () -> assertEquals("exact", exact.candidate()),
                () -> assertEquals(0, exact.value(Metric.MEAN), 1e-8),
                () -> assertEquals(0, exact.value(Metric.STD), 1e-8),
                () -> assertEquals(0, exact.value(Metric.Q05), 1e-8),
                () -> assertEquals(0, exact.value(Metric.Q95), 1e-8),
                () -> assertEquals(0, exact.value(Metric.W1_OVER_STD), 1e-8),
                () -> assertEquals(List.of(ComparisonRow.NOISE_FLOOR, "exact", "scaled"),
                        report.rowsOf("peak_von_mises").stream().map(ComparisonRow::candidate).toList()),
                () -> assertTrue(report.markdown().contains("| scaled | 200 |"), report.markdown()));
    }

    @Test
    void theHdf5TableHoldsTheReportsNumbersAndReadsBackToTheSameTable() {
        ComparisonReport report = Comparison.run(training, List.of(), new Comparison.Settings(50, 0.9, 3, 2),
                line -> { });
        Path out = directory.resolve("comparison.h5");
        ComparisonFile.write(out, report);
        try (HdfFile file = new HdfFile(out)) {
            double[][] values = (double[][]) file.getDatasetByPath("peak_strain_energy/values").getData();
            double[][] upper = (double[][]) file.getDatasetByPath("peak_strain_energy/upper").getData();
            List<ComparisonRow> rows = report.rowsOf("peak_strain_energy");
            assertArrayEquals(rows.get(0).values(), values[0], 0.0);
            assertEquals(rows.get(1).interval(Metric.KS).upper(), upper[1][Metric.KS.ordinal()], 0.0);
            assertTrue(Double.isNaN(upper[1][Metric.KS_P.ordinal()]), "no interval for a p-value");
            assertArrayEquals(new String[] {"noise floor", "exact"},
                    (String[]) file.getByPath("peak_strain_energy").getAttribute("candidates").getData());
        }
        ComparisonReport back = ComparisonFile.read(out);
        assertEquals(report.markdown(), back.markdown());
        assertEquals(report.text(), back.text());
    }

    @Test
    void aMonteCarloFileOfAnotherCaseIsRefused() {
        Path other = monteCarlo(SPEC.withTime(25, 0.08), "other.h5");
        UserInputException error = assertThrows(UserInputException.class, () -> Comparison.run(training, List.of(other),
                new Comparison.Settings(10, 0.95, 0, 1), line -> { }));
        assertEquals("'" + other + "' is a Monte Carlo run of another case than the reference '" + training
                + "' (first difference: 'steps: 25' vs 'steps: 50'): compare results of one case", error.getMessage());
        assertTrue(Files.exists(other));
    }
}
