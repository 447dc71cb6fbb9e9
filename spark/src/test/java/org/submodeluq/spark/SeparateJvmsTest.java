package org.submodeluq.spark;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.cases.cli.Cli;
import org.submodeluq.core.testing.RecordsOnDisk;
import org.submodeluq.core.testing.ReferencePython;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;

/**
 * Spark campaigns whose JVMs are processes of their own: executors of a {@code local-cluster} master, which
 * get the generator as a cluster's would and one of which is killed with SIGKILL mid-job (Spark runs its
 * tasks again; its FEniCS workers go with it), and a driver killed mid-job (the command, started again,
 * resumes from the checkpoint). Every time the result is the local engine's, bit for bit.
 */
class SeparateJvmsTest {

    /** 40 x 10 mesh, 400 steps: runs of a few tenths of a second, so that a kill lands mid-job. */
    private static final String SLOW_CASE = "name: slow\nmesh: {nx: 40, ny: 10}\ntime: {steps: 400, dt: 0.005}\n";
    private static final int SAMPLES = 24;

    @TempDir
    static Path directory;
    private static Path caseFile;
    private static int recordValues;

    @BeforeAll
    static void slowCase() throws IOException {
        caseFile = Files.writeString(directory.resolve("slow.yaml"), SLOW_CASE);
        CaseSpec spec = CaseFiles.parse(SLOW_CASE, "slow");
        // theta (3 + modes), the traces, the 3 quantities: FullRunRecord
        recordValues = 3 + spec.modulusField().modes() + new ZonedMesh(spec).cutNodeCount() * 2 * spec.time().steps() + 3;
    }

    private static String[] generate(String solver, Path out, String... engine) {
        List<String> args = new ArrayList<>(List.of("generate", "--case", caseFile.toString(), "--samples",
                String.valueOf(SAMPLES), "--seed", "9", "--solver", solver, "--out", out.toString()));
        args.addAll(List.of(engine));
        return args.toArray(String[]::new);
    }

    /** The training set the local engine writes. */
    private static Path reference(String solver) {
        Path out = directory.resolve(solver + "-local.h5");
        if (Files.notExists(out)) {
            Cli.Result local = Cli.execute(generate(solver, out, "--quiet"));
            assertEquals(0, local.exitCode(), local.err());
        }
        return out;
    }

    private static void await(BooleanSupplier condition, long seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited " + seconds + " s for " + what);
            Thread.sleep(50);
        }
    }

    /** Finished samples in a training campaign's checkpoint. */
    private static long records(Path checkpoint) {
        return RecordsOnDisk.count(checkpoint, recordValues);
    }

    private static List<ProcessHandle> workersOf(ProcessHandle executor) {
        return executor.descendants().filter(p -> commandIs(p, "submodel_uq_worker")).toList();
    }

    /** Whether a process's command line has {@code part}, read from /proc: Java's view of it is cut short. */
    private static boolean commandIs(ProcessHandle process, String part) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(process.pid()), "cmdline")).contains(part);
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void anExecutorKilledMidJobLeavesNoWorkerBehindAndTheTrainingSetIsTheLocalEngines() throws Exception {
        ReferencePython.require("dolfinx");
        Path reference = reference("fenics");
        Path out = directory.resolve("executor-lost.h5");
        Path log = directory.resolve("executor-lost.log");
        Process driver = onTwoExecutors(log, generate("fenics", out));
        try {
            Path checkpoint = Path.of(out + ".checkpoint");
            await(() -> records(checkpoint) >= 3, 180, "3 samples in the checkpoint: " + log);
            List<ProcessHandle> executors = driver.descendants().filter(p -> commandIs(p, "CoarseGrainedExecutorBackend"))
                    .toList();
            assertEquals(2, executors.size(), "executor JVMs");
            ProcessHandle victim = executors.stream().filter(e -> !workersOf(e).isEmpty()).findFirst()
                    .orElseThrow(() -> new AssertionError("no executor runs FEniCS workers: " + log));
            List<ProcessHandle> workers = workersOf(victim);
            long before = records(checkpoint);
            assertTrue(victim.destroyForcibly(), "SIGKILL sent");
            await(() -> workers.stream().noneMatch(ProcessHandle::isAlive), 10, "the dead executor's workers to exit");
            // every worker of the job, the replacement executor's included, must end with it
            Set<ProcessHandle> everyWorker = new HashSet<>(workers);
            await(() -> {
                driver.descendants().filter(p -> commandIs(p, "submodel_uq_worker")).forEach(everyWorker::add);
                return !driver.isAlive();
            }, 300, "the job to end: " + log);
            await(() -> everyWorker.stream().noneMatch(ProcessHandle::isAlive), 10, "every worker to exit");
            String said = Files.readString(log);
            assertAll(
                    () -> assertTrue(before < SAMPLES, before + " samples were done when the executor died"),
                    () -> assertEquals(0, driver.exitValue(), said),
                    () -> assertEquals(-1, Files.mismatch(reference, out), "the files differ"),
                    () -> assertTrue(said.contains("wrote " + out + ": " + SAMPLES + " samples (fenics)"), said));
        } finally {
            driver.descendants().forEach(ProcessHandle::destroyForcibly);
            driver.destroyForcibly();
        }
    }

    /**
     * Starts a command on {@code local-cluster[2,1,1024]}: a master and two workers in the driver, each worker
     * starting its executor JVM from SPARK_HOME/jars (empty here) and spark.executor.extraClassPath (this
     * test's class path).
     */
    private static Process onTwoExecutors(Path log, String... args) throws IOException {
        Path sparkHome = Files.createDirectories(directory.resolve("spark-home/jars")).getParent();
        List<String> command = new ArrayList<>(List.of(args));
        command.addAll(List.of("--engine", "spark", "--master", "local-cluster[2,1,1024]"));
        return DriverJvm.start(log, Map.of("spark.executor.extraClassPath", System.getProperty("java.class.path")),
                Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.13"),
                command.toArray(String[]::new));
    }

    @Test
    void executorJvmsGetTheGeneratorAndDrawTheLocalEnginesMonteCarloSamples() throws Exception {
        Path generator = directory.resolve("pca");
        Cli.Result trained = Cli.execute("train", "--data", reference("java").toString(), "--model", "pca-gaussian",
                "--out", generator.toString(), "--quiet");
        assertEquals(0, trained.exitCode(), trained.err());
        String[] mc = {"mc", "--generator", generator.toString(), "--samples", "300", "--batch", "25", "--seed", "8",
                "--quiet", "--out"};
        Path local = directory.resolve("mc-local.h5");
        Cli.Result here = Cli.execute(SparkEngineTest.with(mc, local.toString()));
        assertEquals(0, here.exitCode(), here.err());
        Path spread = directory.resolve("mc-executors.h5");
        Path log = directory.resolve("mc-executors.log");
        Process driver = onTwoExecutors(log, SparkEngineTest.with(mc, spread.toString()));
        try {
            assertTrue(driver.waitFor(300, TimeUnit.SECONDS), "the job must end");
            assertEquals(0, driver.exitValue(), Files.readString(log));
            assertEquals("same\n300", SparkEngineTest.sameResults(local, spread));
        } finally {
            driver.destroyForcibly();
        }
    }

    @Test
    void aDriverKilledMidJobResumesFromTheCheckpointToTheLocalEnginesBits() throws Exception {
        Path reference = reference("java");
        Path out = directory.resolve("driver-lost.h5");
        Path log = directory.resolve("driver-lost.log");
        String[] args = generate("java", out, "--engine", "spark", "--master", "local[2]");
        Process driver = DriverJvm.start(log, Map.of(), Map.of(), args);
        Path checkpoint = Path.of(out + ".checkpoint");
        try {
            await(() -> records(checkpoint) >= 4, 180, "4 samples in the checkpoint: " + log);
        } finally {
            driver.destroyForcibly().waitFor();
        }
        long kept = records(checkpoint);
        Cli.Result resumed = Cli.execute(args);
        assertAll(
                () -> assertTrue(kept >= 4 && kept < SAMPLES, kept + " samples in the checkpoint when killed"),
                () -> assertEquals(0, resumed.exitCode(), resumed.err()),
                () -> assertTrue(resumed.err().contains("resuming: " + kept + " of " + SAMPLES + " samples are in "),
                        resumed.err()),
                () -> assertEquals(-1, Files.mismatch(reference, out), "the files differ"));
    }
}
