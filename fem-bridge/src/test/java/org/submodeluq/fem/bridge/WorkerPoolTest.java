package org.submodeluq.fem.bridge;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.fem.io.TrainingSetFile;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.FullRun;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.core.testing.ReferencePython;
import org.submodeluq.core.progress.CampaignProgress;
import org.submodeluq.fem.training.TrainingCampaign;

/** The worker pool under load, under faults and under attack; needs Debian's python3-dolfinx. */
class WorkerPoolTest {

    private static final double[] SHARES = {0.7, 0.15, 0.15};
    private static final CaseSpec SMALL = CaseFiles.defaultCase().withMesh(40, 10).withTime(50, 0.04);
    private static String python;

    @BeforeAll
    static void requireFenics() {
        python = ReferencePython.require("dolfinx");
    }

    static String json(CaseSpec spec) {
        try {
            return new ObjectMapper().writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WorkerPool.Settings settings(int workers, Path logs) {
        return new WorkerPool.Settings(workers, Duration.ofMinutes(2), Duration.ofMinutes(5), 2, logs);
    }

    private static FenicsSolver solver(CaseSpec spec, int workers, Path logs) {
        return new FenicsSolver(new ZonedMesh(spec), PythonRuntime.resolve(python, spec.fenics()),
                settings(workers, logs), line -> { });
    }

    private static SortedMap<Long, FullRun> campaign(CaseSpec spec, FenicsSolver solver, Path out, int samples,
                                                      CampaignProgress progress) {
        return new TrainingCampaign(new ZonedMesh(spec), 4, samples, SHARES, out).run(solver, "fenics", progress);
    }

    @Test
    void oneWorkerAndTwoWorkersWriteTheSameTrainingSet(@TempDir Path directory) {
        Path one = directory.resolve("one.h5");
        Path two = directory.resolve("two.h5");
        try (FenicsSolver solver = solver(SMALL, 1, directory.resolve("logs-1"))) {
            campaign(SMALL, solver, one, 6, CampaignProgress.SILENT);
        }
        try (FenicsSolver solver = solver(SMALL, 2, directory.resolve("logs-2"))) {
            campaign(SMALL, solver, two, 6, CampaignProgress.SILENT);
        }
        TrainingSetFile.Contents a = TrainingSetFile.read(one);
        TrainingSetFile.Contents b = TrainingSetFile.read(two);
        for (long i = 0; i < 6; i++) {
            FullRun x = a.runs().get(i);
            FullRun y = b.runs().get(i);
            assertEquals(x.theta(), y.theta(), "inputs of sample " + i);
            assertTrue(Arrays.deepEquals(x.traces().toArray(), y.traces().toArray()), "traces of sample " + i);
            assertArrayEquals(x.quantities().toArray(), y.quantities().toArray(), 0, "quantities of sample " + i);
        }
    }

    @Test
    void workerKilledMidCampaignIsReplacedAndItsSampleRerun(@TempDir Path directory) throws Exception {
        Path reference = directory.resolve("reference.h5");
        try (FenicsSolver solver = solver(SMALL, 1, directory.resolve("logs-reference"))) {
            campaign(SMALL, solver, reference, 8, CampaignProgress.SILENT);
        }
        Path out = directory.resolve("killed.h5");
        List<String> notes = new ArrayList<>();
        try (FenicsSolver solver = new FenicsSolver(new ZonedMesh(SMALL), PythonRuntime.resolve(python,
                SMALL.fenics()), settings(2, directory.resolve("logs")), notes::add)) {
            AtomicBoolean killed = new AtomicBoolean();
            campaign(SMALL, solver, out, 8, new CampaignProgress() {
                @Override
                public void sampleDone(long done, long total) {
                    if (done == 2 && killed.compareAndSet(false, true)) {
                        // SIGKILL one worker while the other is busy: its next call finds it dead
                        long pid = solver.pool().pids().get(0);
                        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                    }
                }

                @Override
                public void note(String message) {
                }
            });
            assertTrue(killed.get());
        }
        TrainingSetFile.Contents expected = TrainingSetFile.read(reference);
        TrainingSetFile.Contents actual = TrainingSetFile.read(out);
        assertEquals(8, actual.runs().size());
        for (long i = 0; i < 8; i++) {
            assertTrue(Arrays.deepEquals(expected.runs().get(i).traces().toArray(),
                    actual.runs().get(i).traces().toArray()), "traces of sample " + i);
        }
        assertTrue(notes.stream().anyMatch(n -> n.contains("starting a replacement")), notes.toString());
    }

    @Test
    @Tag("slow")
    void killingTheJvmLeavesNoWorkerBehind(@TempDir Path directory) throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), PoolHolder.class.getName(), python,
                directory.resolve("logs").toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Long> pids = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("pids "), "holder said: " + line);
            Arrays.stream(line.substring(5).trim().split(" ")).map(Long::parseLong).forEach(pids::add);
        }
        assertTrue(pids.size() >= 2, "two workers at least: " + pids);
        assertTrue(pids.stream().allMatch(pid -> ProcessHandle.of(pid).isPresent()), "workers alive before the kill");
        holder.destroyForcibly().waitFor();
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline && pids.stream().anyMatch(WorkerPoolTest::alive)) {
            Thread.sleep(100);
        }
        List<Long> survivors = pids.stream().filter(WorkerPoolTest::alive).toList();
        assertTrue(survivors.isEmpty(), "still running after the JVM was killed: " + survivors);
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void gatewayListensOnLoopbackAndRefusesConnectionsWithoutTheToken(@TempDir Path directory) throws Exception {
        try (FenicsSolver solver = solver(SMALL, 1, directory)) {
            for (InetSocketAddress address : solver.pool().gatewayAddresses()) {
                assertTrue(address.getAddress().isLoopbackAddress(), "bound to " + address);
                try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
                    socket.setSoTimeout(5000);
                    OutputStream request = socket.getOutputStream();
                    // a Py4J call on the entry point, without the authentication command first
                    request.write("c\nt\ndescription\ne\n".getBytes(StandardCharsets.US_ASCII));
                    request.flush();
                    String reply = new String(readAll(socket.getInputStream()), StandardCharsets.US_ASCII);
                    System.out.printf("gateway %s, call without the token: %s%n", address,
                            reply.isEmpty() ? "connection closed, no reply" : "reply " + reply.trim());
                    assertFalse(reply.startsWith("ys") || reply.startsWith("yro"), "answered: " + reply);
                    assertTrue(reply.isEmpty() || reply.startsWith("!"), "answered: " + reply);
                }
            }
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (java.net.SocketException reset) {
            return new byte[0];
        }
    }

    @Test
    void missingInterpreterIsOneClearError() {
        WorkerException error = assertThrows(WorkerException.class,
                () -> PythonRuntime.resolve("/nonexistent/python3", SMALL.fenics()));
        assertEquals("Python interpreter '/nonexistent/python3' not found; install FEniCS with 'apt-get install -y "
                + "python3-dolfinx' (Debian/Ubuntu) or name an interpreter that has DOLFINx (the python setting, "
                + "$SUBMODEL_UQ_PYTHON or the case's fenics.python)", error.getMessage());
    }

    @Test
    void modelClassThatDoesNotExistIsOneClearError(@TempDir Path directory) {
        CaseSpec spec = faulty("NoSuchModel");
        WorkerException error = assertThrows(WorkerException.class, () -> solver(spec, 1, directory));
        assertAll(
                () -> assertEquals(WorkerException.Kind.STARTUP, error.kind()),
                () -> assertEquals("worker 0 cannot load its model: ImportError: module faulty_models has no class "
                        + "NoSuchModel", error.getMessage()));
    }

    @Test
    void replyOfTheWrongLengthIsOneClearError(@TempDir Path directory) {
        try (FenicsSolver solver = solver(faulty("ShortReply"), 1, directory)) {
            WorkerException error = assertThrows(WorkerException.class, () -> campaign(faulty("ShortReply"), solver,
                    directory.resolve("t.h5"), 4, CampaignProgress.SILENT));
            assertEquals("the model returned 17616 bytes for sample 0; expected 17624 = 8 x (22 nodes x 2 x 50 steps "
                    + "+ 3 quantities), little-endian float64", error.getMessage());
        }
    }

    @Test
    void nanOrPythonErrorStopsTheCampaignAndKeepsFinishedSamples(@TempDir Path directory) {
        CaseSpec nan = faulty("NanFromSampleTwo");
        Path out = directory.resolve("t.h5");
        try (FenicsSolver solver = solver(nan, 1, directory.resolve("logs"))) {
            WorkerException error = assertThrows(WorkerException.class,
                    () -> campaign(nan, solver, out, 4, CampaignProgress.SILENT));
            assertEquals("the model returned NaN for sample 2 at trace value (node 0, component 0, step 0)",
                    error.getMessage());
        }
        CaseSpec raises = faulty("RaisesOnSampleOne");
        Path other = directory.resolve("u.h5");
        try (FenicsSolver solver = solver(raises, 1, directory.resolve("logs-raise"))) {
            WorkerException error = assertThrows(WorkerException.class,
                    () -> campaign(raises, solver, other, 4, CampaignProgress.SILENT));
            assertEquals(WorkerException.Kind.MODEL, error.kind());
            assertTrue(error.getMessage().startsWith("sample 1: the model in worker 0 failed in run: "),
                    error.getMessage());
            assertTrue(error.getMessage().endsWith("ValueError: the mesh of sample 1 is tangled"), error.getMessage());
        }
        // the NaN campaign resumes with samples 0 and 1 from its checkpoint
        List<String> notes = new ArrayList<>();
        try (FenicsSolver solver = solver(SMALL.withTime(50, 0.04), 1, directory.resolve("logs-resume"))) {
            new TrainingCampaign(new ZonedMesh(nan), 4, 4, SHARES, out).run(solver, "fenics", new CampaignProgress() {
                @Override
                public void sampleDone(long done, long total) {
                }

                @Override
                public void note(String message) {
                    notes.add(message);
                }
            });
        }
        assertTrue(Files.exists(out));
        assertEquals(List.of("resuming: 2 of 4 samples are in " + out + ".checkpoint"), notes);
    }

    private static CaseSpec faulty(String className) {
        String models = Path.of("src/test/resources/python").toAbsolutePath().toString();
        return CaseFiles.parse("mesh: {nx: 40, ny: 10}\ntime: {steps: 50, dt: 0.04}\nfenics: {module: faulty_models, "
                + "className: " + className + ", pythonPath: ['" + models + "']}\n", className);
    }
}
