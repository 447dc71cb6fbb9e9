package org.submodeluq.cases.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.submodeluq.cases.cli.Cli.execute;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.core.testing.RecordsOnDisk;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.montecarlo.MonteCarloFile;

/** {@code mc} and {@code compare} from the command line, a SIGKILL included. */
class MonteCarloCommandTest {

    private static final String SMALL_CASE = "name: small\nmesh: {nx: 40, ny: 10}\ntime: {steps: 50, dt: 0.04}\n";

    @TempDir
    static Path directory;
    private static Path caseFile;
    private static Path training;
    private static Path model;

    @BeforeAll
    static void trainedGenerator() throws Exception {
        caseFile = directory.resolve("small.yaml");
        Files.writeString(caseFile, SMALL_CASE);
        training = directory.resolve("training.h5");
        model = directory.resolve("pca");
        assertEquals(0, execute("generate", "--case", caseFile.toString(), "--samples", "40", "--split", "0.5,0.1,0.4",
                "--solver", "java", "--quiet", "--out", training.toString()).exitCode());
        assertEquals(0, execute("train", "--data", training.toString(), "--model", "pca-gaussian", "--out",
                model.toString(), "--quiet").exitCode());
    }

    private static List<String> mc(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("mc", "--case", caseFile.toString(), "--generator", model.toString(),
                "--samples", "1500", "--batch", "25", "--seed", "5", "--quiet", "--out", out.toString()));
        args.addAll(List.of(more));
        return args;
    }

    /** Finished batches of 25 in a checkpoint (count, 25 rows of 3 quantities, seconds). */
    private static long recordsIn(Path checkpoint) {
        return RecordsOnDisk.count(checkpoint, 1 + 25 * 3 + 1);
    }

    private static Object statistic(Path file, String path, String attribute) {
        try (HdfFile hdf = new HdfFile(file)) {
            return hdf.getByPath(path).getAttribute(attribute).getData();
        }
    }

    @Test
    @Tag("slow")
    void aCampaignKilledWithSigkillHalfwayResumesToTheSameBits() throws Exception {
        Path whole = directory.resolve("whole.h5");
        Cli.Result uninterrupted = execute(mc(whole, "--threads", "2").toArray(new String[0]));
        assertEquals(0, uninterrupted.exitCode(), uninterrupted.err());

        Path killed = directory.resolve("killed.h5");
        Path checkpoint = directory.resolve("killed.h5.checkpoint");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), SubmodelUq.class.getName()));
        command.addAll(mc(killed, "--threads", "1"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (child.isAlive() && System.nanoTime() < deadline && recordsIn(checkpoint) < 25) {
            Thread.sleep(20);
        }
        assertTrue(child.isAlive(), "the child must still be running when killed: " + Files.readString(
                directory.resolve("child.log")));
        child.destroyForcibly().waitFor();
        assertTrue(Files.exists(checkpoint) && !Files.exists(killed), "killed before the end");

        Cli.Result resumed = execute(mc(killed, "--threads", "2").toArray(new String[0]));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertArrayEquals(MonteCarloFile.read(whole).samples(), MonteCarloFile.read(killed).samples());
        for (String attribute : List.of("mean", "variance", "mean_lower", "mean_upper")) {
            assertEquals(statistic(whole, "statistics/peak_von_mises", attribute),
                    statistic(killed, "statistics/peak_von_mises", attribute), attribute);
        }
        assertTrue(resumed.out().startsWith("wrote " + killed + ": 1500 samples (sample count reached)"),
                resumed.out());
        Matcher resumedCount = Pattern.compile(", (\\d+) resumed from the checkpoint").matcher(resumed.out());
        assertTrue(resumedCount.find(), resumed.out());
        long fromCheckpoint = Long.parseLong(resumedCount.group(1));
        assertTrue(fromCheckpoint >= 25 * 25 && fromCheckpoint < 1500, fromCheckpoint + " samples resumed");
    }

    @Test
    @Tag("slow")
    void aCampaignStoppedBySigtermSaysHowManySamplesAreKeptAndThatARerunResumes() throws Exception {
        Path stopped = directory.resolve("stopped.h5");
        Path checkpoint = directory.resolve("stopped.h5.checkpoint");
        Path log = directory.resolve("stopped.log");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), SubmodelUq.class.getName()));
        command.addAll(mc(stopped, "--threads", "1"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (child.isAlive() && System.nanoTime() < deadline && recordsIn(checkpoint) < 5) {
            Thread.sleep(20);
        }
        assertTrue(child.isAlive(), "the child must still be running when stopped: " + Files.readString(log));
        child.destroy();
        child.waitFor();
        Matcher said = Pattern.compile("mc: interrupted at (\\d+)/1500 samples; the \\1 finished are kept in the "
                + "checkpoint: run the same command again to resume").matcher(Files.readString(log));
        assertTrue(said.find(), Files.readString(log));
        assertTrue(Long.parseLong(said.group(1)) >= 5 * 25, said.group());
    }

    @Test
    void mcNeverSilentlyReplacesALargerResultAndForceReplacesIt() throws Exception {
        Path out = directory.resolve("guarded.h5");
        Cli.Result sixty = execute("mc", "--case", caseFile.toString(), "--generator", model.toString(), "--samples",
                "60", "--batch", "25", "--quiet", "--out", out.toString());
        assertEquals(0, sixty.exitCode(), sixty.err());
        String before = SubmodelUqTest.sha256(out);

        Cli.Result thirty = execute("mc", "--case", caseFile.toString(), "--generator", model.toString(), "--samples",
                "30", "--batch", "25", "--quiet", "--out", out.toString());
        Cli.Result again = execute("mc", "--case", caseFile.toString(), "--generator", model.toString(), "--samples",
                "60", "--batch", "25", "--quiet", "--out", out.toString());
        assertAll(
                () -> assertEquals(SubmodelUq.USER_ERROR, thirty.exitCode()),
                () -> assertEquals("submodel-uq: error: --out '" + out + "' holds 60 samples of case small from the "
                        + "pca-gaussian generator, seed 0; this asks for 30; --force replaces it, or name another "
                        + "--out\n", thirty.err()),
                () -> assertEquals(0, again.exitCode(), again.err()),
                () -> assertTrue(again.out().startsWith("kept " + out + ": it already holds these 60 samples (sample "
                        + "count reached)\n"), again.out()),
                () -> assertEquals(before, SubmodelUqTest.sha256(out)));

        Cli.Result forced = execute("mc", "--case", caseFile.toString(), "--generator", model.toString(), "--samples",
                "30", "--batch", "25", "--force", "--out", out.toString());
        assertAll(
                () -> assertEquals(0, forced.exitCode(), forced.err()),
                () -> assertEquals(30, MonteCarloFile.read(out).samples().length),
                () -> assertFalse(Files.exists(directory.resolve("guarded.h5.checkpoint")),
                        "the file held its samples, not the checkpoint: nothing beyond 30 was there to keep"));
    }

    @Test
    void compareWritesTheTableOnTheTerminalInMarkdownAndInHdf5() {
        Path mcFile = directory.resolve("mc.h5");
        Cli.Result campaign = execute("mc", "--case", caseFile.toString(), "--generator", model.toString(), "--samples",
                "200", "--quiet", "--threshold", "peak_von_mises=0.2", "--out", mcFile.toString());
        Path markdown = directory.resolve("table.md");
        Path table = directory.resolve("table.h5");
        Cli.Result compared = execute("compare", "--reference", training.toString(), "--mc", mcFile.toString(),
                "--bootstrap", "100", "--quiet", "--markdown", markdown.toString(), "--out", table.toString());
        assertAll(
                () -> assertEquals(0, campaign.exitCode(), campaign.err()),
                () -> assertTrue(campaign.out().contains("P(> 0.2000) = "), campaign.out()),
                () -> assertEquals(0, compared.exitCode(), compared.err()),
                () -> assertTrue(compared.out().contains("\nexact "), compared.out()),
                () -> assertTrue(compared.out().contains("\npca-gaussian  200"), compared.out()),
                () -> assertTrue(Files.readString(markdown).contains("| noise floor | 8 |")),
                () -> assertTrue(Files.exists(table)));
    }

    @Test
    void badInputGivesOneClearErrorEach() throws Exception {
        Cli.Result otherMesh = execute("mc", "--case", "plate-impact", "--generator", model.toString(), "--samples",
                "10", "--quiet", "--out", directory.resolve("x.h5").toString());
        Cli.Result noSuchQuantity = execute(mc(directory.resolve("y.h5"), "--threshold", "peak_stress=1")
                .toArray(new String[0]));
        Path otherCase = directory.resolve("louder.yaml");
        Files.writeString(otherCase, SMALL_CASE.replace("small", "louder") + "load: {amplitude: 2.0}\n");
        Path otherMc = directory.resolve("louder.h5");
        assertEquals(0, execute("mc", "--case", otherCase.toString(), "--generator", model.toString(), "--samples",
                "20", "--quiet", "--out", otherMc.toString()).exitCode());
        Cli.Result otherReference = execute("compare", "--reference", training.toString(), "--mc", otherMc.toString(),
                "--quiet", "--out", directory.resolve("z.h5").toString());
        assertAll(
                () -> assertEquals(SubmodelUq.USER_ERROR, otherMesh.exitCode()),
                () -> assertEquals("submodel-uq: error: --case 'plate-impact' differs from the case generator '" + model
                        + "' was trained on (small): mesh.nx = 80 here, 40 there; drop --case to use the generator's, "
                        + "or train a generator on this case", otherMesh.err().strip()),
                () -> assertTrue(Files.notExists(directory.resolve("x.h5"))),
                () -> assertEquals(SubmodelUq.USER_ERROR, noSuchQuantity.exitCode()),
                () -> assertEquals("submodel-uq: error: threshold for 'peak_stress', which is not a quantity of interest "
                        + "(known: peak_centre_displacement, peak_von_mises, peak_strain_energy)",
                        noSuchQuantity.err().strip()),
                () -> assertEquals(SubmodelUq.USER_ERROR, otherReference.exitCode()),
                () -> assertTrue(otherReference.err().startsWith("submodel-uq: error: '" + otherMc + "' is a Monte "
                        + "Carlo run of another case than the reference"), otherReference.err()));
    }

    @Test
    void aCaseWithHalfTheTrainedTimeStepIsRefusedNamingTimeDt() throws Exception {
        // the same trace shape (22 x 2 x 50) as the trained case: before cases were compared this ran, exit 0
        Path halfStep = directory.resolve("half-step.yaml");
        Files.writeString(halfStep, SMALL_CASE.replace("dt: 0.04", "dt: 0.02"));
        Path out = directory.resolve("half-step.h5");
        Cli.Result refused = execute("mc", "--case", halfStep.toString(), "--generator", model.toString(), "--samples",
                "20", "--out", out.toString());
        assertAll(
                () -> assertEquals(SubmodelUq.USER_ERROR, refused.exitCode()),
                () -> assertEquals(1, refused.err().lines().count(), refused.err()),
                () -> assertEquals("submodel-uq: error: --case '" + halfStep + "' differs from the case generator '"
                        + model + "' was trained on (small): time.dt = 0.02 here, 0.04 there; drop --case to use the "
                        + "generator's, or train a generator on this case", refused.err().strip()),
                () -> assertEquals("", refused.out()),
                () -> assertTrue(Files.notExists(out)));
    }

    @Test
    void withoutCaseMcRunsTheCaseTheGeneratorWasTrainedOn() {
        Path own = directory.resolve("own.h5");
        Path named = directory.resolve("named.h5");
        Cli.Result withoutCase = execute("mc", "--generator", model.toString(), "--samples", "20", "--seed", "3",
                "--out", own.toString());
        Cli.Result withCase = execute("mc", "--case", caseFile.toString(), "--generator", model.toString(), "--samples",
                "20", "--seed", "3", "--quiet", "--out", named.toString());
        MonteCarloFile.Contents contents = MonteCarloFile.read(own);
        assertAll(
                () -> assertEquals(0, withoutCase.exitCode(), withoutCase.err()),
                () -> assertTrue(withoutCase.err().contains("mc: 20 samples of case small (the generator's) from the "
                        + "pca-gaussian generator in " + model + ", seed 3"), withoutCase.err()),
                () -> assertEquals(CaseFiles.load(caseFile.toString()), contents.spec()),
                () -> assertEquals(0, withCase.exitCode(), withCase.err()),
                () -> assertArrayEquals(MonteCarloFile.read(named).samples(), contents.samples()));
    }

    @Test
    void aCaseDifferingOnlyInTheLoadDistributionIsAcceptedAndSaysTheTracesAreTheGenerators() throws Exception {
        Path louder = directory.resolve("louder-amplitude.yaml");
        Files.writeString(louder, SMALL_CASE.replace("small", "louder") + "load: {amplitude: 2.0}\n");
        Path out = directory.resolve("louder-amplitude.h5");
        Path trained = directory.resolve("trained-amplitude.h5");
        Cli.Result accepted = execute("mc", "--case", louder.toString(), "--generator", model.toString(), "--samples",
                "20", "--seed", "4", "--out", out.toString());
        assertEquals(0, execute("mc", "--generator", model.toString(), "--samples", "20", "--seed", "4", "--quiet",
                "--out", trained.toString()).exitCode());
        MonteCarloFile.Contents contents = MonteCarloFile.read(out);
        assertAll(
                () -> assertEquals(0, accepted.exitCode(), accepted.err()),
                () -> assertTrue(accepted.err().contains("mc: --case differs from the generator's case small outside "
                        + "the zone only (load.amplitude = 2.0 here, lognormal(median=1.0, logStd=0.25) there): the traces "
                        + "follow the generator's case"), accepted.err()),
                () -> assertEquals("louder", contents.spec().name()),
                // the same traces through the same submodel: the load the case file names never reaches the zone
                () -> assertArrayEquals(MonteCarloFile.read(trained).samples(), contents.samples()));
    }

    @Test
    void aGeneratorOfAPlainDatasetNeedsCaseAndRunsTheCaseNamed() throws Exception {
        Path plain = directory.resolve("plain.h5");
        try (HdfFile hdf = new HdfFile(training); WritableHdfFile copy = HdfFile.write(plain)) {
            copy.putDataset("traces", hdf.getDatasetByPath("traces").getData());
        }
        Path plainModel = directory.resolve("plain-pca");
        assertEquals(0, execute("train", "--data", plain.toString(), "--dataset", "/traces", "--model", "pca-gaussian",
                "--out", plainModel.toString(), "--quiet").exitCode());
        Cli.Result withoutCase = execute("mc", "--generator", plainModel.toString(), "--samples", "20", "--quiet",
                "--out", directory.resolve("plain-without.h5").toString());
        Cli.Result otherShape = execute("mc", "--case", "plate-impact", "--generator", plainModel.toString(),
                "--samples", "20", "--quiet", "--out", directory.resolve("plain-default.h5").toString());
        Path out = directory.resolve("plain-with.h5");
        Cli.Result withCase = execute("mc", "--case", caseFile.toString(), "--generator", plainModel.toString(),
                "--samples", "20", "--quiet", "--out", out.toString());
        assertAll(
                () -> assertEquals(SubmodelUq.USER_ERROR, withoutCase.exitCode()),
                () -> assertEquals("submodel-uq: error: --case is needed: generator '" + plainModel + "' records no "
                        + "case (trained on a plain dataset, or before generators recorded theirs); name the case its "
                        + "traces belong to", withoutCase.err().strip()),
                () -> assertEquals(SubmodelUq.USER_ERROR, otherShape.exitCode()),
                () -> assertEquals("submodel-uq: error: the pca-gaussian generator makes traces of shape 22 x 2 x 50 "
                        + "(nodes x components x steps) but the zone of case 'plate-impact' needs 42 x 2 x 200: train "
                        + "the generator on a training set of this case", otherShape.err().strip()),
                () -> assertEquals(0, withCase.exitCode(), withCase.err()),
                () -> assertEquals("small", MonteCarloFile.read(out).spec().name()));
    }
}
