package org.submodeluq.cases.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.submodeluq.cases.cli.Cli.execute;

import io.jhdf.HdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --condition}, {@code mc --given}, {@code sample --given} and {@code compare --generator}. */
class ConditionalCommandsTest {

    private static final String SMALL_CASE = "name: small\nmesh: {nx: 40, ny: 10}\ntime: {steps: 50, dt: 0.04}\n";

    @TempDir
    static Path directory;
    private static Path caseFile;
    private static Path training;
    private static Path meanMap;

    @BeforeAll
    static void trainedMeanMap() throws Exception {
        caseFile = directory.resolve("small.yaml");
        Files.writeString(caseFile, SMALL_CASE);
        training = directory.resolve("training.h5");
        meanMap = directory.resolve("mean-map-residual");
        assertEquals(0, execute("generate", "--case", caseFile.toString(), "--samples", "60", "--split", "0.5,0.1,0.4",
                "--solver", "java", "--quiet", "--out", training.toString()).exitCode());
        Cli.Result trained = execute("train", "--data", training.toString(), "--model", "mean-map-residual",
                "--map-components", "6", "--residual-components", "4", "--folds", "3", "--threads", "2", "--quiet",
                "--out", meanMap.toString());
        assertEquals(0, trained.exitCode(), trained.err());
    }

    private static String error(String... args) {
        Cli.Result result = execute(args);
        assertEquals(SubmodelUq.USER_ERROR, result.exitCode(), result.err());
        return result.err().strip();
    }

    private static List<String> mc(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("mc", "--generator", meanMap.toString(), "--samples", "200",
                "--seed", "3", "--quiet", "--out", out.toString()));
        args.addAll(List.of(more));
        return args;
    }

    private static double[] column(Path file, int q) {
        try (HdfFile hdf = new HdfFile(file)) {
            double[][] qoi = (double[][]) hdf.getDatasetByPath("qoi").getData();
            return Arrays.stream(qoi).mapToDouble(row -> row[q]).toArray();
        }
    }

    private static double std(double[] values) {
        double mean = Arrays.stream(values).average().orElseThrow();
        return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1));
    }

    @Test
    void holdingTheLoadFixedLeavesOnlyTheModulusFieldsSpread() {
        Path free = directory.resolve("free.h5");
        Path fixed = directory.resolve("fixed.h5");
        assertEquals(0, execute(mc(free).toArray(String[]::new)).exitCode());
        Cli.Result given = execute(mc(fixed, "--given", "amplitude=1.2,duration=0.4,centre=0.25").toArray(String[]::new));
        assertEquals(0, given.exitCode(), given.err());
        double spreadFree = std(column(free, 0));
        double spreadFixed = std(column(fixed, 0));
        assertTrue(spreadFixed < 0.5 * spreadFree, "peak displacement std " + spreadFixed + " with the load fixed, "
                + spreadFree + " without");
        try (HdfFile hdf = new HdfFile(fixed)) {
            assertEquals("mean-map-residual given amplitude=1.2,duration=0.4,centre=0.25",
                    hdf.getAttribute("generator").getData());
        }
        Cli.Result replayed = execute("replay", "--mc", fixed.toString(), "--generator", meanMap.toString(), "--sample",
                "77");
        assertEquals(0, replayed.exitCode(), replayed.err());
        assertTrue(replayed.out().contains("the replay gives back the file's quantities"), replayed.out());
    }

    @Test
    void aGivenValueOutsideTheCasesDistributionIsRefused() {
        assertEquals("submodel-uq: error: --given duration=0.9 is outside what case small draws for it "
                + "(uniform(min=0.25, max=0.75)): the generator never saw such a run",
                error(mc(directory.resolve("never.h5"), "--given", "duration=0.9").toArray(String[]::new)));
        assertTrue(Files.notExists(directory.resolve("never.h5")));
    }

    @Test
    void conditioningOnAnInputTheCaseDoesNotHaveIsRefused() {
        assertEquals("submodel-uq: error: --condition 'speed' is not an input of case small; its inputs are amplitude, "
                + "duration, centre, xi_1 .. xi_8 (or 'all', 'load')", error("train", "--data", training.toString(),
                "--model", "mean-map", "--condition", "amplitude,speed", "--out", directory.resolve("no").toString()));
        assertEquals("submodel-uq: error: --condition would be ignored: it applies to the conditional kinds (mean-map, "
                + "mean-map-residual, cwgan-gp), and --model is pca-gaussian", error("train", "--data",
                training.toString(), "--model", "pca-gaussian", "--condition", "load", "--out",
                directory.resolve("no").toString()));
    }

    @Test
    void aCaseWithOtherInputsIsRefused() throws Exception {
        Path fewerModes = directory.resolve("fewer-modes.yaml");
        Files.writeString(fewerModes, SMALL_CASE + "modulusField: {modes: 4}\n");
        assertEquals("submodel-uq: error: --case 'small' has the inputs amplitude, duration, centre, xi_1 .. xi_4 but "
                + "generator '" + meanMap + "' is conditioned on inputs of a case with amplitude, duration, centre, "
                + "xi_1 .. xi_8; train a generator on this case",
                error(mc(directory.resolve("never.h5"), "--case", fewerModes.toString()).toArray(String[]::new)));
    }

    @Test
    void anUnconditionalGeneratorCannotHoldInputsFixed() {
        Path pca = directory.resolve("pca");
        assertEquals(0, execute("train", "--data", training.toString(), "--model", "pca-gaussian", "--quiet", "--out",
                pca.toString()).exitCode());
        assertEquals("submodel-uq: error: --given needs a conditional generator (mean-map, mean-map-residual, cwgan-gp); '"
                + pca + "' is pca-gaussian, which reads no inputs", error("sample", "--model", pca.toString(), "--n",
                "5", "--given", "amplitude=1", "--out", directory.resolve("never-samples.h5").toString()));
    }

    @Test
    void compareRanksAConditionalGeneratorRunByRun() {
        Cli.Result compared = execute("compare", "--reference", training.toString(), "--generator", meanMap.toString(),
                "--bootstrap", "0", "--quiet", "--markdown", directory.resolve("c.md").toString(), "--out",
                directory.resolve("c.h5").toString());
        assertEquals(0, compared.exitCode(), compared.err());
        assertTrue(compared.out().contains("mean-map-residual (mean-map-residual), test split  24  "), compared.out());
        assertTrue(compared.out().contains("mean-map-residual (mean-map-residual): its mean map, cross-fitted (train "
                + "split)  30  "), compared.out());
    }
}
