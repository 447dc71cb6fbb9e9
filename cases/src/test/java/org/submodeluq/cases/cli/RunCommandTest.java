package org.submodeluq.cases.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.cases.pipeline.RunLayout;
import org.submodeluq.cases.pipeline.RunState;
import org.submodeluq.montecarlo.MonteCarloFile;
import org.submodeluq.surrogate.GeneratorKind;

/** {@code run}: every stage end to end on a small case, reuse of unchanged stages, resume and bad input. */
class RunCommandTest {

    @TempDir
    static Path directory;
    private static Path caseFile;

    @BeforeAll
    static void writeCase() throws Exception {
        caseFile = directory.resolve("small.yaml");
        Files.writeString(caseFile, "name: small\nmesh: {nx: 40, ny: 10}\ntime: {steps: 60, dt: 0.06}\n");
    }

    /** Small sizes in the Java solver, so the test depends on no Python. */
    private static List<String> run(Path out, int samples) {
        return List.of("run", "--case", caseFile.toString(), "--out", out.toString(), "--solver", "java", "--runs",
                "60", "--split", "0.4,0.2,0.4", "--iterations", "30", "--samples", String.valueOf(samples),
                "--bootstrap", "0", "--threads", "2");
    }

    private static Cli.Result execute(List<String> args) {
        return Cli.execute(args.toArray(new String[0]));
    }

    @Test
    @Tag("slow")
    void aRerunReusesEveryStageAndMoreSamplesRedoOnlyTheMonteCarloAndTheComparison() throws Exception {
        Path out = directory.resolve("reuse");
        RunLayout layout = new RunLayout(out);
        Cli.Result first = execute(run(out, 100));
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.err().contains("generate: solver: Java, because asked for with --solver java"), first.err());
        assertTrue(first.out().contains("| wgan-gp | 100 |") && first.out().contains("| exact | 24 |"), first.out());
        RunState state = RunState.read(layout.state());
        assertEquals(List.of("compare", "estimate", "generate", "mc_cwgan_gp", "mc_mean_map", "mc_mean_map_folds",
                "mc_mean_map_residual", "mc_pca_gaussian", "mc_wgan_gp", "train_cwgan_gp", "train_mean_map",
                "train_mean_map_residual", "train_pca_gaussian", "train_wgan_gp"),
                state.stages().keySet().stream().sorted().toList());
        FileTime generated = Files.getLastModifiedTime(layout.trainingSet());
        FileTime trained = Files.getLastModifiedTime(layout.generator(GeneratorKind.WGAN_GP).resolve("model.h5"));

        Cli.Result again = execute(run(out, 100));
        assertEquals(0, again.exitCode(), again.err());
        for (String stage : List.of("generate", "train pca-gaussian", "mc pca-gaussian", "train wgan-gp", "mc wgan-gp",
                "train mean-map-residual", "mc mean-map-residual", "train mean-map", "mc mean-map", "train cwgan-gp",
                "mc cwgan-gp", "compare", "mc mean-map folds", "estimate")) {
            assertTrue(again.err().contains(stage + ": reused "), stage + " not reused:\n" + again.err());
        }
        assertEquals(state, RunState.read(layout.state()));

        Cli.Result more = execute(run(out, 150));
        assertEquals(0, more.exitCode(), more.err());
        assertAll(
                () -> assertTrue(more.err().contains("generate: reused training.h5"), more.err()),
                () -> assertTrue(more.err().contains("train wgan-gp: reused generators/wgan-gp"), more.err()),
                () -> assertFalse(more.err().contains("mc wgan-gp: reused"), more.err()),
                () -> assertFalse(more.err().contains("compare: reused"), more.err()),
                () -> assertFalse(more.err().contains("estimate: reused"), more.err()),
                () -> assertEquals(generated, Files.getLastModifiedTime(layout.trainingSet())),
                () -> assertEquals(trained, Files.getLastModifiedTime(layout.generator(GeneratorKind.WGAN_GP)
                        .resolve("model.h5"))),
                () -> assertEquals(150, MonteCarloFile.read(layout.monteCarlo(GeneratorKind.WGAN_GP)).samples().length),
                () -> assertTrue(more.out().contains("| wgan-gp | 150 |"), more.out()));
    }

    @Test
    @Tag("slow")
    void aRunKilledDuringTrainingDoesNotRegenerateWhenStartedAgain() throws Exception {
        Path out = directory.resolve("killed");
        RunLayout layout = new RunLayout(out);
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), SubmodelUq.class.getName()));
        command.addAll(run(out, 100));
        Path log = directory.resolve("killed.log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (child.isAlive() && System.nanoTime() < deadline && !Files.readString(log).contains("train wgan-gp:")) {
            Thread.sleep(20);
        }
        assertTrue(child.isAlive(), "the child must still be running when killed: " + Files.readString(log));
        child.destroyForcibly().waitFor();
        assertTrue(Files.exists(layout.trainingSet()), Files.readString(log));
        FileTime generated = Files.getLastModifiedTime(layout.trainingSet());
        long size = Files.size(layout.trainingSet());
        assertFalse(Files.exists(layout.comparison()), "killed before the end");

        Cli.Result resumed = execute(run(out, 100));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.err().contains("generate: reused training.h5"), resumed.err());
        assertTrue(resumed.err().contains("train pca-gaussian: reused"), resumed.err());
        assertTrue(resumed.err().contains("mc pca-gaussian: reused"), resumed.err());
        assertFalse(resumed.err().contains("mc wgan-gp: reused"), resumed.err());
        assertEquals(generated, Files.getLastModifiedTime(layout.trainingSet()));
        assertEquals(size, Files.size(layout.trainingSet()));
        assertTrue(Files.exists(layout.comparison()));
    }

    @Test
    @Tag("slow")
    void aDamagedOutputOfAFinishedStageIsRedoneWithALineThatSaysSo() throws Exception {
        Path out = directory.resolve("damaged");
        RunLayout layout = new RunLayout(out);
        Cli.Result first = execute(run(out, 60));
        assertEquals(0, first.exitCode(), first.err());
        Path campaign = layout.monteCarlo(GeneratorKind.PCA_GAUSSIAN);
        byte[] whole = Files.readAllBytes(campaign);
        Path original = Files.write(directory.resolve("original-mc.h5"), whole);
        Files.write(campaign, java.util.Arrays.copyOf(whole, 300));
        Cli.Result again = execute(run(out, 60));
        assertAll(
                () -> assertEquals(0, again.exitCode(), again.err()),
                () -> assertTrue(again.err().contains("generate: reused training.h5"), again.err()),
                () -> assertTrue(again.err().contains("mc pca-gaussian: redoing it: " + campaign + " is damaged ("),
                        again.err()),
                () -> assertArrayEquals(MonteCarloFile.read(original).samples(), MonteCarloFile.read(campaign).samples()));
    }

    @Test
    void badInputGivesOneLineAndExitCodeTwo() throws Exception {
        Path file = Files.writeString(directory.resolve("a-file"), "not a directory");
        Path readOnly = Files.createDirectories(directory.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        boolean root = Files.isWritable(readOnly);
        Path unwritable = root ? Path.of("/proc") : readOnly;
        Cli.Result unknownCase = Cli.execute("run", "--case", "no-such-case.yaml", "--out",
                directory.resolve("x").toString());
        Cli.Result outIsFile = execute(run(file, 100));
        Cli.Result cannotWrite = execute(run(unwritable, 100));
        assertAll(
                () -> assertEquals("submodel-uq: error: case 'no-such-case.yaml' is neither an embedded case "
                        + "[plate-impact] nor a readable file", unknownCase.err().strip()),
                () -> assertEquals("submodel-uq: error: output directory '" + file + "' is a file: name a directory "
                        + "(it is created if missing)", outIsFile.err().strip()),
                () -> assertTrue(cannotWrite.err().strip().startsWith("submodel-uq: error: cannot write in output "
                        + "directory '" + unwritable + "' ("), cannotWrite.err()),
                () -> assertEquals(1, cannotWrite.err().strip().lines().count(), cannotWrite.err()),
                () -> assertEquals(List.of(2, 2, 2), List.of(unknownCase.exitCode(), outIsFile.exitCode(),
                        cannotWrite.exitCode())));
    }
}
