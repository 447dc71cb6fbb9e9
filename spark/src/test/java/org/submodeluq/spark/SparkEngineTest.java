package org.submodeluq.spark;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.cases.cli.Cli;
import org.submodeluq.cases.cli.SubmodelUq;
import org.submodeluq.core.testing.ReferencePython;

/**
 * {@code generate} and {@code mc} on Spark's {@code local[2]} master against the local engine: the same
 * bits at the same seed, and bad input told in one line.
 */
class SparkEngineTest {

    /** 40 x 10 mesh, 50 steps: runs of a few tens of milliseconds. */
    static final String SMALL_CASE = "name: small\nmesh: {nx: 40, ny: 10}\ntime: {steps: 50, dt: 0.04}\n";
    private static final String[] SPARK = {"--engine", "spark", "--master", "local[2]"};

    @TempDir
    static Path directory;
    private static Path caseFile;
    private static Path generator;

    @BeforeAll
    static void trainedGenerator() {
        caseFile = directory.resolve("small.yaml");
        Path training = directory.resolve("training.h5");
        generator = directory.resolve("pca");
        try {
            Files.writeString(caseFile, SMALL_CASE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        succeeds(Cli.execute("generate", "--case", caseFile.toString(), "--samples", "40", "--split", "0.5,0.1,0.4",
                "--solver", "java", "--quiet", "--out", training.toString()));
        succeeds(Cli.execute("train", "--data", training.toString(), "--model", "pca-gaussian", "--out",
                generator.toString(), "--quiet"));
    }

    private static Cli.Result succeeds(Cli.Result result) {
        assertEquals(0, result.exitCode(), result.err());
        return result;
    }

    /** The lines of a command's standard error that are not progress. */
    private static List<String> errors(Cli.Result result) {
        return result.err().lines().filter(line -> line.startsWith("submodel-uq:")).toList();
    }

    static String[] with(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void generateWithTheJavaSolverOnSparkWritesTheLocalEnginesBytes() throws Exception {
        String[] generate = {"generate", "--case", caseFile.toString(), "--samples", "12", "--seed", "4", "--solver",
                "java", "--quiet", "--out"};
        Path local = directory.resolve("java-local.h5");
        Path spark = directory.resolve("java-spark.h5");
        succeeds(Cli.execute(with(generate, local.toString())));
        Cli.Result onSpark = succeeds(Cli.execute(with(with(generate, spark.toString()), SPARK)));
        assertAll(
                () -> assertEquals(-1, Files.mismatch(local, spark), "the files differ"),
                () -> assertTrue(onSpark.out().startsWith("wrote " + spark + ": 12 samples (java)"), onSpark.out()),
                () -> assertTrue(Files.notExists(Path.of(spark + ".checkpoint"))));
    }

    @Test
    void generateInFenicsOnSparkWritesTheLocalEnginesBytes() throws Exception {
        ReferencePython.require("dolfinx");
        String[] generate = {"generate", "--case", caseFile.toString(), "--samples", "6", "--seed", "2", "--solver",
                "fenics", "--quiet", "--out"};
        Path local = directory.resolve("fenics-local.h5");
        Path spark = directory.resolve("fenics-spark.h5");
        succeeds(Cli.execute(with(with(generate, local.toString()), "--workers", "2")));
        succeeds(Cli.execute(with(with(generate, spark.toString()), SPARK)));
        assertEquals(-1, Files.mismatch(local, spark), "the files differ");
    }

    /** Every dataset and attribute of two Monte Carlo files, but the wall-clock times, compared by h5py. */
    static String sameResults(Path first, Path second) {
        String python = ReferencePython.require("h5py", "numpy");
        return ReferencePython.run(python, """
                import sys, h5py, numpy
                clocks = {"seconds_per_sample", "wall_seconds"}
                a, b = h5py.File(sys.argv[1], "r"), h5py.File(sys.argv[2], "r")
                def attributes(node):
                    return {k: numpy.asarray(v).tobytes() for k, v in node.attrs.items() if k not in clocks}
                def walk(node, out):
                    out[node.name] = attributes(node)
                    if isinstance(node, h5py.Dataset):
                        out[node.name + "#data"] = node[()].tobytes()
                    else:
                        for child in node.values():
                            walk(child, out)
                    return out
                x, y = walk(a, {}), walk(b, {})
                print("same" if x == y else "differ: " + ", ".join(k for k in x.keys() | y.keys() if x.get(k) != y.get(k)))
                print(len(a["qoi"]))
                """, first.toString(), second.toString()).strip();
    }

    @Test
    void mcOnSparkDrawsTheLocalEnginesSamplesAndStopsWhereItDoes() {
        String[] mc = {"mc", "--case", caseFile.toString(), "--generator", generator.toString(), "--samples", "400",
                "--batch", "25", "--seed", "5", "--quiet"};
        Path local = directory.resolve("mc-local.h5");
        Path spark = directory.resolve("mc-spark.h5");
        succeeds(Cli.execute(with(mc, "--out", local.toString())));
        succeeds(Cli.execute(with(with(mc, "--out", spark.toString()), SPARK)));
        String[] targeted = with(mc, "--target", "0.08", "--min-samples", "50");
        Path localTarget = directory.resolve("mc-target-local.h5");
        Path sparkTarget = directory.resolve("mc-target-spark.h5");
        succeeds(Cli.execute(with(targeted, "--out", localTarget.toString())));
        succeeds(Cli.execute(with(with(targeted, "--out", sparkTarget.toString()), SPARK)));
        String all = sameResults(local, spark);
        String stopped = sameResults(localTarget, sparkTarget);
        assertAll(
                () -> assertEquals("same\n400", all),
                () -> assertTrue(stopped.startsWith("same\n"), stopped),
                () -> assertTrue(Long.parseLong(stopped.substring(5)) < 400, stopped + ": the target must stop it early"));
    }

    @Test
    void aDivergingSampleStopsTheCampaignWithTheSampleNamed() throws Exception {
        Path tiny = Files.writeString(directory.resolve("tiny-dt.yaml"),
                "name: tiny-dt\nmesh: {nx: 40, ny: 10}\ntime: {steps: 5, dt: 1e-300}\n");
        Path out = directory.resolve("diverged.h5");
        Cli.Result result = Cli.execute(with(new String[] {"generate", "--case", tiny.toString(), "--solver",
                "java", "--samples", "6", "--quiet", "--out", out.toString()}, SPARK));
        assertAll(
                () -> assertEquals(SubmodelUq.USER_ERROR, result.exitCode()),
                () -> assertTrue(result.err().strip().matches("submodel-uq: error: sample \\d: peak_centre_displacement "
                        + "= NaN at step 1 \\(t = 1.0E-300\\): the run diverged, .*"), result.err()),
                () -> assertTrue(Files.notExists(out)));
    }

    @Test
    void executorsWithoutDolfinxFailTheFirstTaskInOneLine() throws Exception {
        ReferencePython.require("dolfinx");
        Path python = directory.resolve("python-without-site-packages");
        Files.writeString(python, "#!/bin/sh\nexec /usr/bin/python3 -S \"$@\"\n");
        assertTrue(python.toFile().setExecutable(true));
        Path out = directory.resolve("no-dolfinx.h5");
        Cli.Result result = Cli.execute(with(new String[] {"generate", "--case", caseFile.toString(),
                "--solver", "fenics", "--python", python.toString(), "--samples", "4", "--quiet", "--out",
                out.toString()}, SPARK));
        assertAll(
                () -> assertEquals(SubmodelUq.USER_ERROR, result.exitCode()),
                () -> assertEquals(1, errors(result).size(), result.err()),
                () -> assertTrue(result.err().contains("worker 0 cannot load its model: ModuleNotFoundError: No module "
                        + "named"), result.err()),
                () -> assertTrue(Files.notExists(out)));
    }

    @Test
    void anUnreachableMasterFailsAtOnceNamingItsUrl() {
        long start = System.nanoTime();
        Cli.Result refused = Cli.execute("generate", "--case", caseFile.toString(), "--solver", "java",
                "--samples", "4", "--engine", "spark", "--master", "spark://127.0.0.1:1", "--out",
                directory.resolve("refused.h5").toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        Cli.Result unknown = Cli.execute("generate", "--case", caseFile.toString(), "--solver", "java",
                "--samples", "4", "--engine", "spark", "--master", "mesos://somewhere", "--out",
                directory.resolve("unknown.h5").toString());
        assertAll(
                () -> assertEquals(SubmodelUq.USER_ERROR, refused.exitCode()),
                () -> assertEquals(List.of("submodel-uq: error: --master spark://127.0.0.1:1: nothing answers at "
                        + "127.0.0.1:1 (Connection refused)"), errors(refused)),
                () -> assertTrue(seconds < 20, seconds + " s"),
                () -> assertEquals(SubmodelUq.USER_ERROR, unknown.exitCode()),
                () -> assertEquals(List.of("submodel-uq: error: --master mesos://somewhere is not a Spark master: "
                        + "local[N], spark://HOST:PORT, yarn or k8s://https://HOST:PORT"), errors(unknown)));
    }

    @Test
    void aMasterWithoutTheSparkEngineAndLocalSizesWithItAreRefused() {
        Cli.Result master = Cli.execute("generate", "--case", caseFile.toString(), "--master", "local[2]",
                "--out", directory.resolve("m.h5").toString());
        Cli.Result workers = Cli.execute(with(new String[] {"generate", "--case", caseFile.toString(),
                "--workers", "2", "--out", directory.resolve("w.h5").toString()}, SPARK));
        Cli.Result threads = Cli.execute(with(new String[] {"mc", "--generator", generator.toString(),
                "--threads", "2", "--out", directory.resolve("t.h5").toString()}, SPARK));
        assertAll(
                () -> assertEquals("submodel-uq: error: --master would be ignored: it names a Spark master, and --engine "
                        + "is local", master.err().strip()),
                () -> assertEquals("submodel-uq: error: --workers would be ignored: with --engine spark each executor "
                        + "runs as many samples at once as it has cores", workers.err().strip()),
                () -> assertTrue(threads.err().startsWith("submodel-uq: error: --threads would be ignored"),
                        threads.err()));
    }
}
