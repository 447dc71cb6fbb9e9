package org.submodeluq.cases.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.submodeluq.cases.cli.Cli.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.fem.io.RunFile;
import org.submodeluq.fem.io.TrainingSetFile;
import org.submodeluq.fem.solver.SimdLanes;
import org.submodeluq.surrogate.SampleFile;

class SubmodelUqTest {

    private static final String SMALL_CASE = "name: small\nmesh: {nx: 40, ny: 10}\ntime: {steps: 50, dt: 0.04}\n";

    @Test
    void solveWritesTheRunFileAndPrintsItsQuantities(@TempDir Path directory) throws Exception {
        Path caseFile = directory.resolve("small.yaml");
        Files.writeString(caseFile, SMALL_CASE);
        Path out = directory.resolve("runs/run.h5");
        Cli.Result result = execute("solve", "--case", caseFile.toString(), "--seed", "7", "--sample", "2", "--out",
                out.toString());
        RunFile.Contents contents = RunFile.read(out);
        double[] quantities = contents.run().quantities().toArray();
        assertAll(
                () -> assertEquals(0, result.exitCode(), result.err()),
                () -> assertEquals(7, contents.seed()),
                () -> assertEquals(2, contents.sampleIndex()),
                () -> assertEquals("small", contents.spec().name()),
                () -> assertTrue(result.out().contains(String.format("peak_von_mises             %.6e",
                        quantities[1])), result.out()),
                () -> assertTrue(result.out().contains("wrote " + out), result.out()));
    }

    @Test
    void userErrorsPrintOneLineAndExitWithTwo(@TempDir Path directory) throws Exception {
        Path bad = directory.resolve("bad.yaml");
        Files.writeString(bad, "zone: {xMin: 0.6, xMax: 3.0}\n");
        Cli.Result badCase = execute("solve", "--case", bad.toString(), "--out", directory.resolve("x.h5").toString());
        Cli.Result unknownCase = execute("solve", "--case", "plate-smash");
        for (Cli.Result result : List.of(badCase, unknownCase)) {
            assertEquals(SubmodelUq.USER_ERROR, result.exitCode());
            assertEquals(1, result.err().lines().count(), result.err());
            assertTrue(result.err().startsWith("submodel-uq: error: "), result.err());
        }
        assertTrue(badCase.err().contains("zone.xMax = 3.0"), badCase.err());
        assertTrue(Files.notExists(directory.resolve("x.h5")));
    }

    @Test
    void aDivergingRunStopsSolveAndGenerateWithTheSampleStepAndQuantityAndWritesNothing(@TempDir Path directory)
            throws Exception {
        Path caseFile = Files.writeString(directory.resolve("tiny-dt.yaml"),
                "name: tiny-dt\nmesh: {nx: 40, ny: 10}\ntime: {steps: 5, dt: 1e-300}\n");
        Path run = directory.resolve("run.h5");
        Path training = directory.resolve("training.h5");
        Cli.Result solved = execute("solve", "--case", caseFile.toString(), "--sample", "4", "--out", run.toString());
        Cli.Result generated = execute("generate", "--case", caseFile.toString(), "--solver", "java", "--samples", "3",
                "--workers", "1", "--out", training.toString(), "--quiet");
        String diverged = ": peak_centre_displacement = NaN at step 1 (t = 1.0E-300): the run diverged, so the case "
                + "cannot be integrated as written (check time.dt and the material)";
        assertAll(
                () -> assertEquals(SubmodelUq.USER_ERROR, solved.exitCode()),
                () -> assertEquals("submodel-uq: error: sample 4" + diverged, solved.err().strip()),
                () -> assertTrue(Files.notExists(run)),
                () -> assertEquals(SubmodelUq.USER_ERROR, generated.exitCode()),
                () -> assertEquals("submodel-uq: error: sample 0" + diverged, generated.err().strip()),
                () -> assertTrue(Files.notExists(training)));
    }

    @Test
    void generateWritesATrainingSetAndSaysWhichSolverItChoseAndWhy(@TempDir Path directory) throws Exception {
        Path caseFile = directory.resolve("small.yaml");
        Files.writeString(caseFile, SMALL_CASE);
        Path out = directory.resolve("training.h5");
        Cli.Result result = execute("generate", "--case", caseFile.toString(), "--samples", "5", "--seed", "3",
                "--python", "/nonexistent/python3", "--workers", "2", "--out", out.toString());
        TrainingSetFile.Contents contents = TrainingSetFile.read(out);
        assertAll(
                () -> assertEquals(0, result.exitCode(), result.err()),
                () -> assertTrue(result.err().contains("generate: solver: Java, because FEniCS is not available: Python "
                        + "interpreter '/nonexistent/python3' not found"), result.err()),
                () -> assertTrue(result.err().contains("generate [==============================] 5/5 samples"),
                        result.err()),
                () -> assertEquals(5, contents.runs().size()),
                () -> assertEquals(3, contents.seed()),
                () -> assertTrue(contents.solver().startsWith("java: "), contents.solver()),
                () -> assertTrue(result.out().startsWith("wrote " + out + ": 5 samples (java)"), result.out()));
    }

    static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    @Test
    void generateNeverSilentlyReplacesALargerTrainingSetAndForceKeepsItsRunsInTheCheckpoint(@TempDir Path directory)
            throws Exception {
        Path caseFile = directory.resolve("small.yaml");
        Files.writeString(caseFile, SMALL_CASE);
        Path out = directory.resolve("training.h5");
        Cli.Result twelve = execute("generate", "--case", caseFile.toString(), "--samples", "12", "--solver", "java",
                "--quiet", "--out", out.toString());
        assertEquals(0, twelve.exitCode(), twelve.err());
        String before = sha256(out);

        Cli.Result five = execute("generate", "--case", caseFile.toString(), "--samples", "5", "--solver", "java",
                "--out", out.toString());
        Cli.Result again = execute("generate", "--case", caseFile.toString(), "--samples", "12", "--solver", "java",
                "--out", out.toString());
        assertAll(
                () -> assertEquals(SubmodelUq.USER_ERROR, five.exitCode()),
                () -> assertEquals("submodel-uq: error: --out '" + out + "' holds 12 full runs of case small, seed 0; "
                        + "this asks for 5; --force replaces it, or name another --out\n", five.err()),
                () -> assertEquals("", five.out()),
                () -> assertEquals(0, again.exitCode(), again.err()),
                () -> assertEquals("kept " + out + ": it already holds these 12 samples (java)\n", again.out()),
                () -> assertEquals(before, sha256(out)));

        Cli.Result forced = execute("generate", "--case", caseFile.toString(), "--samples", "5", "--solver", "java",
                "--force", "--out", out.toString());
        assertAll(
                () -> assertEquals(0, forced.exitCode(), forced.err()),
                () -> assertEquals(5, TrainingSetFile.read(out).runs().size()),
                () -> assertTrue(forced.err().contains("kept 12 finished samples in " + out + ".checkpoint; 5 used"),
                        forced.err()));
    }

    @Test
    void trainAndSampleMakeSamplesShapedLikeTheTraces(@TempDir Path directory) throws Exception {
        Path caseFile = directory.resolve("small.yaml");
        Files.writeString(caseFile, SMALL_CASE);
        Path training = directory.resolve("training.h5");
        assertEquals(0, execute("generate", "--case", caseFile.toString(), "--samples", "12", "--solver", "java",
                "--quiet", "--out", training.toString()).exitCode());
        Path model = directory.resolve("pca");
        Cli.Result trained = execute("train", "--data", training.toString(), "--model", "pca-gaussian", "--out",
                model.toString(), "--quiet");
        Path samples = directory.resolve("samples.h5");
        Cli.Result sampled = execute("sample", "--model", model.toString(), "--n", "4", "--seed", "2", "--out",
                samples.toString());
        Cli.Result wrongKind = execute("train", "--data", training.toString(), "--model", "vae", "--out",
                directory.resolve("x").toString());
        double[][] rows = SampleFile.read(samples);
        assertAll(
                () -> assertEquals(0, trained.exitCode(), trained.err()),
                () -> assertTrue(trained.out().contains("energy_distance_pca"), trained.out()),
                () -> assertEquals(0, sampled.exitCode(), sampled.err()),
                () -> assertTrue(sampled.out().startsWith("wrote " + samples + ": 4 samples of shape [22, 2, 50]"),
                        sampled.out()),
                () -> assertEquals(4, rows.length),
                () -> assertEquals(22 * 2 * 50, rows[0].length),
                () -> assertEquals(SubmodelUq.USER_ERROR, wrongKind.exitCode()),
                () -> assertEquals("submodel-uq: error: Invalid value for option '--model': generator kind 'vae' is "
                        + "unknown; allowed: empirical, pca-gaussian, wgan-gp, mean-map, mean-map-residual, cwgan-gp (see "
                        + "'submodel-uq train --help')",
                        wrongKind.err().strip()));
    }

    @Test
    @Tag("slow")
    void benchPrintsTheSummaryTableBesideTheAskedDetailsAndWritesItsFigures(@TempDir Path directory) throws Exception {
        Path json = directory.resolve("bench.json");
        Cli.Result result = execute("bench", "--quick", "--solver", "--meshes", "20x5,40x10", "--steps", "20",
                "--repeats", "1", "--mc-meshes", "20x5", "--mc-samples", "10", "--gan-threads", "1", "--gan-iterations",
                "2", "--matformer-steps", "2", "--python", "/nonexistent/python3", "--json", json.toString());
        List<String> lines = result.out().lines().toList();
        List<String> solverRows = lines.stream().filter(line -> line.startsWith("| 20x5 ") || line.startsWith("| 40x10 "))
                .toList();
        int top = lines.indexOf("| summary: mesh 20x5, 20 steps | value |");
        List<String> summary = top < 0 ? List.of()
                : lines.subList(top, lines.size()).stream().takeWhile(line -> !line.isEmpty()).toList();
        JsonNode figures = new ObjectMapper().readTree(json.toFile());
        JsonNode oneThread = figures.get("monte_carlo").get(0);
        JsonNode oneAtATime = figures.get("monte_carlo").get(2);
        int lanes = SimdLanes.width();
        String reason = figures.get("fenics_unavailable").asText();
        assertAll(
                () -> assertEquals(0, result.exitCode(), result.err()),
                () -> assertEquals(2, solverRows.size(), result.out()),
                () -> assertTrue(solverRows.get(0).startsWith("| 20x5 | 252 / 60 |"), solverRows.get(0)),
                () -> assertTrue(figures.get("solver").get(0).has("submodel_step_ms"), "json"),
                () -> assertEquals(List.of("| summary: mesh 20x5, 20 steps | value |", "|---|---|",
                        String.format(Locale.ROOT, "| full run, Java solver, 1 thread | %.1f ms |",
                                oneThread.get("java_full_run_ms").asDouble()),
                        "| full run, FEniCS via Py4J, 1 worker | not available: " + reason + " |",
                        String.format(Locale.ROOT, "| Monte Carlo sample, per thread (1 thread, %d SIMD lanes) | %.2f ms |",
                                lanes, oneThread.get("sample_ms_per_thread").asDouble()),
                        String.format(Locale.ROOT, "| Monte Carlo sample one at a time, per thread (1 thread) | %.2f ms "
                                + "(lanes: %.1fx faster) |", oneAtATime.get("sample_ms_per_thread").asDouble(),
                                oneAtATime.get("sample_ms_per_thread").asDouble()
                                        / oneThread.get("sample_ms_per_thread").asDouble()),
                        String.format(Locale.ROOT, "| full run / sample, Java | %.1fx |",
                                oneThread.get("java_full_run_per_sample").asDouble()),
                        "| full run / sample, FEniCS | not available: no FEniCS full run |"), summary.subList(0, Math.min(8, summary.size())),
                        result.out()),
                () -> assertEquals(15, summary.size(), result.out()),
                () -> assertEquals(List.of(1, 2, 1), figures.get("monte_carlo").findValues("threads").stream()
                        .map(JsonNode::asInt).toList()),
                () -> assertEquals(List.of(lanes, lanes, 0), figures.get("monte_carlo").findValues("lanes").stream()
                        .map(JsonNode::asInt).toList()),
                () -> assertEquals(3, figures.get("matformer_speculative").size()),
                () -> assertTrue(reason.startsWith("Python interpreter '/nonexistent/python3' not found"), reason),
                () -> assertTrue(lines.stream().noneMatch(line -> line.startsWith("| mesh | threads | lanes ")
                        || line.startsWith("| training |")), "detail tables not asked for: " + result.out()),
                () -> assertEquals("wrote " + json, lines.get(lines.size() - 1)));
    }
}
