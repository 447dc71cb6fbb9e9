package org.submodeluq.cases.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.submodeluq.cases.cli.Cli.execute;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.fem.io.TrainingSetFile;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.montecarlo.multifidelity.MultifidelityFile;
import org.submodeluq.montecarlo.multifidelity.MultifidelityReport;
import org.submodeluq.montecarlo.multifidelity.QuantityEstimate;

/** {@code mc --cross-fit-folds}, {@code estimate} and {@code plan} on a small mean map, and what they refuse. */
class MultifidelityCommandsTest {

    private static final String SMALL_CASE = "name: small\nmesh: {nx: 40, ny: 10}\ntime: {steps: 50, dt: 0.04}\n";

    @TempDir
    static Path directory;
    private static Path training;
    private static Path meanMap;
    private static Path folds;
    private static Path estimate;

    @BeforeAll
    static void estimated() throws Exception {
        Path caseFile = directory.resolve("small.yaml");
        Files.writeString(caseFile, SMALL_CASE);
        training = directory.resolve("training.h5");
        meanMap = directory.resolve("mean-map");
        folds = directory.resolve("folds.h5");
        estimate = directory.resolve("estimate.h5");
        assertEquals(0, execute("generate", "--case", caseFile.toString(), "--samples", "80", "--split", "0.5,0.1,0.4",
                "--solver", "java", "--quiet", "--out", training.toString()).exitCode());
        Cli.Result trained = execute("train", "--data", training.toString(), "--model", "mean-map",
                "--map-components", "6", "--folds", "4", "--threads", "2", "--quiet", "--out", meanMap.toString());
        assertEquals(0, trained.exitCode(), trained.err());
        Cli.Result cheap = execute("mc", "--generator", meanMap.toString(), "--cross-fit-folds", "--samples", "400",
                "--quiet", "--out", folds.toString());
        assertEquals(0, cheap.exitCode(), cheap.err());
        Cli.Result estimated = execute("estimate", "--generator", meanMap.toString(), "--training", training.toString(),
                "--mc", folds.toString(), "--emulator-samples", "20000", "--full-run-seconds", "2", "--quiet",
                "--markdown", directory.resolve("estimate.md").toString(), "--out", estimate.toString());
        assertEquals(0, estimated.exitCode(), estimated.err());
    }

    private static String error(String... args) {
        Cli.Result result = execute(args);
        assertEquals(SubmodelUq.USER_ERROR, result.exitCode(), result.err());
        return result.err().strip();
    }

    @Test
    void theEstimatePairsTheFittingRunsAndChecksAgainstTheTestSplit() {
        MultifidelityReport report = MultifidelityFile.read(estimate, QuantitiesOfInterest.NAMES);
        TrainingSetFile.Contents set = TrainingSetFile.read(training);
        long[] train = set.splits().train();
        double[] displacement = Arrays.stream(train).mapToDouble(i -> set.runs().get(i).quantities().toArray()[0])
                .toArray();
        QuantityEstimate first = report.quantities().get(0);
        double[] test = Arrays.stream(set.splits().test()).mapToDouble(i -> set.runs().get(i).quantities().toArray()[0])
                .toArray();
        assertAll(() -> assertEquals(List.of("submodel under the mean map", "emulator"), report.surrogates()),
                () -> assertEquals(train.length, first.pairs()),
                () -> assertEquals(Arrays.stream(displacement).average().orElseThrow(), first.fullRunsMean().estimate(),
                        1e-15),
                () -> assertEquals(test.length, report.reference().runs()),
                () -> assertEquals(Arrays.stream(test).average().orElseThrow(), report.reference().means()[0], 1e-15),
                () -> assertTrue(first.mean().varianceReduction() > 1, "variance reduction "
                        + first.mean().varianceReduction()),
                () -> assertEquals(2.0, report.costs().fullRun()));
    }

    @Test
    void aCampaignOfTheFinalMapIsRefusedItsCorrectionWouldNotBeCentred() {
        Path plain = directory.resolve("plain.h5");
        assertEquals(0, execute("mc", "--generator", meanMap.toString(), "--samples", "50", "--quiet", "--out",
                plain.toString()).exitCode());
        String message = error("estimate", "--generator", meanMap.toString(), "--training", training.toString(), "--mc",
                plain.toString(), "--out", directory.resolve("refused.h5").toString());
        assertTrue(message.contains("was drawn by mean-map, not by the fold maps of generator")
                && message.contains("--cross-fit-folds"), message);
    }

    @Test
    void anotherTrainingSetIsRefused() throws Exception {
        Path other = directory.resolve("other.h5");
        Path caseFile = directory.resolve("small.yaml");
        assertEquals(0, execute("generate", "--case", caseFile.toString(), "--samples", "20", "--seed", "9",
                "--solver", "java", "--quiet", "--out", other.toString()).exitCode());
        String message = error("estimate", "--generator", meanMap.toString(), "--training", other.toString(),
                "--emulator-samples", "100", "--out", directory.resolve("other-estimate.h5").toString());
        assertTrue(message.contains("is not the training set generator"), message);
    }

    @Test
    void theFoldEnsembleCannotHoldAnInputFixed() {
        String message = error("mc", "--generator", meanMap.toString(), "--cross-fit-folds", "--given",
                "amplitude=1.1", "--samples", "10", "--out", directory.resolve("given.h5").toString());
        assertTrue(message.contains("--given and --cross-fit-folds cannot go together"), message);
    }

    @Test
    void planSplitsTheRunsAndSaysWhatABudgetCannotReach() {
        Cli.Result plan = execute("plan", "--estimate", estimate.toString(), "--half-width", "0.01");
        assertEquals(0, plan.exitCode(), plan.err());
        assertTrue(plan.out().contains("Every quantity at once:") && plan.out().contains("To follow it:"),
                plan.out());
        for (String quantity : QuantitiesOfInterest.NAMES) {
            assertTrue(plan.out().contains(quantity), plan.out());
        }
        String unreachable = error("plan", "--estimate", estimate.toString(), "--half-width", "0.0001",
                "--max-budget", "10");
        assertTrue(unreachable.contains("needs a budget of") && unreachable.contains("budget 10.0 reaches"),
                unreachable);
    }
}
