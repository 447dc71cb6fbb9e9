package org.submodeluq.fem.training;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.core.progress.CampaignProgress;
import org.submodeluq.core.testing.RecordedNotes;
import org.submodeluq.fem.io.TrainingSetFile;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.FullModel;
import org.submodeluq.fem.model.FullModelSolver;
import org.submodeluq.fem.model.FullRun;
import org.submodeluq.fem.model.JavaSolver;
import org.submodeluq.fem.model.Theta;
import org.submodeluq.fem.model.ThetaSampler;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.core.testing.ReferencePython;

class TrainingCampaignTest {

    private static final CaseSpec SMALL = CaseFiles.defaultCase().withMesh(40, 10).withTime(50, 0.04);
    private static final double[] SHARES = {0.7, 0.15, 0.15};

    /** Runs the Java solver, failing for good at sample {@code failAt}, and counts its runs. */
    private static final class CountingSolver implements FullModelSolver {
        private final JavaSolver solver;
        private final long failAt;
        private final AtomicInteger runs = new AtomicInteger();

        CountingSolver(ZonedMesh zoned, int threads, long failAt) {
            this.solver = new JavaSolver(new FullModel(zoned), threads);
            this.failAt = failAt;
        }

        @Override
        public FullRun run(long index, Theta theta) {
            if (index == failAt) {
                throw new IllegalStateException("sample " + index + " fails");
            }
            runs.incrementAndGet();
            return solver.run(index, theta);
        }

        @Override
        public int parallelism() {
            return solver.parallelism();
        }

        @Override
        public String description() {
            return solver.description();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void h5pyReadsShapesNamesSplitsAndValues(@TempDir Path directory) {
        ZonedMesh zoned = new ZonedMesh(SMALL);
        Path out = directory.resolve("training.h5");
        SortedMap<Long, FullRun> runs = new TrainingCampaign(zoned, 5, 10, SHARES, out)
                .run(new JavaSolver(new FullModel(zoned), 2), "java", CampaignProgress.SILENT);
        String python = ReferencePython.require("h5py", "numpy");
        String output = ReferencePython.run(python, """
                import sys, h5py, numpy as np
                def text(v):
                    return v.decode() if isinstance(v, bytes) else str(v)
                with h5py.File(sys.argv[1], "r") as f:
                    print("format", text(f.attrs["format"]), int(f.attrs["format_version"]), int(f.attrs["seed"]))
                    print("shapes", *f["inputs"].shape, *f["traces"].shape, *f["qoi"].shape,
                          *f["boundary/coordinates"].shape, *f["time"].shape)
                    print("input_names", *[text(n) for n in f["inputs"].attrs["names"]])
                    print("qoi_names", *[text(n) for n in f["qoi"].attrs["names"]])
                    for split in ("train", "validation", "test"):
                        print(split, *f["splits/" + split][()])
                    print("traces_7_3_1_20", repr(float(f["traces"][7, 3, 1, 20])))
                    print("qoi_4", *[repr(float(q)) for q in f["qoi"][4]])
                    print("input_9", *[repr(float(q)) for q in f["inputs"][9]])
                """, out.toString());
        Map<String, String[]> lines = new HashMap<>();
        output.lines().map(line -> line.split(" ")).forEach(w -> lines.put(w[0], Arrays.copyOfRange(w, 1, w.length)));
        long[] all = LongStream.concat(LongStream.concat(longs(lines.get("train")), longs(lines.get("validation"))),
                longs(lines.get("test"))).sorted().toArray();
        assertAll(
                () -> assertArrayEquals(new String[] {TrainingSetFile.FORMAT, "1", "5"}, lines.get("format")),
                () -> assertArrayEquals(new String[] {"10", "11", "10", "22", "2", "50", "10", "3", "22", "2", "50"},
                        lines.get("shapes")),
                () -> assertArrayEquals(Theta.names(8).toArray(), lines.get("input_names")),
                () -> assertArrayEquals(new String[] {"peak_centre_displacement", "peak_von_mises",
                        "peak_strain_energy"}, lines.get("qoi_names")),
                () -> assertEquals(6, lines.get("train").length, "10 - round(1.5) - round(1.5)"),
                () -> assertEquals(2, lines.get("validation").length),
                () -> assertEquals(2, lines.get("test").length),
                () -> assertArrayEquals(LongStream.range(0, 10).toArray(), all, "splits partition the samples"),
                () -> assertEquals(runs.get(7L).traces().value(3, 1, 20),
                        Double.parseDouble(lines.get("traces_7_3_1_20")[0]), 0),
                () -> assertArrayEquals(runs.get(4L).quantities().toArray(), doubles(lines.get("qoi_4")), 0),
                () -> assertArrayEquals(new ThetaSampler(SMALL, 5).sample(9).toArray(), doubles(lines.get("input_9")),
                        0));
    }

    @Test
    void interruptedCampaignResumesToTheFileAnUninterruptedOneWrites(@TempDir Path directory) throws IOException {
        ZonedMesh zoned = new ZonedMesh(SMALL);
        Path reference = directory.resolve("reference.h5");
        new TrainingCampaign(zoned, 3, 9, SHARES, reference).run(new JavaSolver(new FullModel(zoned), 2), "java",
                CampaignProgress.SILENT);

        Path resumed = directory.resolve("resumed.h5");
        TrainingCampaign campaign = new TrainingCampaign(zoned, 3, 9, SHARES, resumed);
        CountingSolver failing = new CountingSolver(zoned, 1, 5);
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> campaign.run(failing, "java", CampaignProgress.SILENT));
        assertEquals("sample 5 fails", failure.getMessage());
        assertFalse(Files.exists(resumed));
        assertTrue(Files.exists(campaign.checkpointPath()));
        // a crash in the middle of writing a record leaves a torn tail, which resuming drops
        Files.write(campaign.checkpointPath(), new byte[] {1, 2, 3, 4, 5, 6, 7}, StandardOpenOption.APPEND);

        CountingSolver rest = new CountingSolver(zoned, 2, -1);
        campaign.run(rest, "java", CampaignProgress.SILENT);
        assertAll(
                () -> assertEquals(4, rest.runs.get(), "samples 0 to 4 came from the checkpoint"),
                () -> assertArrayEquals(Files.readAllBytes(reference), Files.readAllBytes(resumed)),
                () -> assertFalse(Files.exists(campaign.checkpointPath())));
    }


    /** The samples a checkpoint of this test's Java campaigns with {@code seed} holds. */
    private static int samplesIn(Path checkpoint, ZonedMesh zoned, long seed) {
        String identity = "case:\n" + CaseFiles.toYaml(zoned.spec()) + "seed: " + seed + "\nsolver: java";
        try (Checkpoint held = new Checkpoint(checkpoint, identity, new FullRunRecord(zoned))) {
            return held.count();
        }
    }

    @Test
    void aSmallerRequestUsesTheFirstSamplesKeepsTheRestAndALargerOneResumesFromAll(@TempDir Path directory)
            throws IOException {
        ZonedMesh zoned = new ZonedMesh(SMALL);
        Path fresh4 = directory.resolve("fresh4.h5");
        Path fresh9 = directory.resolve("fresh9.h5");
        new TrainingCampaign(zoned, 3, 4, SHARES, fresh4).run(new JavaSolver(new FullModel(zoned), 2), "java",
                CampaignProgress.SILENT);
        new TrainingCampaign(zoned, 3, 9, SHARES, fresh9).run(new JavaSolver(new FullModel(zoned), 2), "java",
                CampaignProgress.SILENT);

        Path out = directory.resolve("training.h5");
        // stopped at 6 samples: samples 0 .. 5 are in the checkpoint, sample 6 fails
        assertThrows(IllegalStateException.class, () -> new TrainingCampaign(zoned, 3, 8, SHARES, out)
                .run(new CountingSolver(zoned, 1, 6), "java", CampaignProgress.SILENT));
        Path checkpoint = directory.resolve("training.h5.checkpoint");
        assertEquals(6, samplesIn(checkpoint, zoned, 3));

        CountingSolver smaller = new CountingSolver(zoned, 2, -1);
        RecordedNotes notes = new RecordedNotes();
        new TrainingCampaign(zoned, 3, 4, SHARES, out).run(smaller, "java", notes);
        assertAll(
                () -> assertEquals(0, smaller.runs.get(), "samples 0 .. 3 come from the checkpoint"),
                () -> assertArrayEquals(Files.readAllBytes(fresh4), Files.readAllBytes(out)),
                () -> assertEquals(6, samplesIn(checkpoint, zoned, 3), "the checkpoint keeps all six"),
                () -> assertTrue(notes.lines().contains("kept 6 finished samples in " + checkpoint + "; 4 used"),
                        notes.lines().toString()));

        CountingSolver larger = new CountingSolver(zoned, 2, -1);
        new TrainingCampaign(zoned, 3, 9, SHARES, out).run(larger, "java", CampaignProgress.SILENT);
        assertAll(
                () -> assertEquals(3, larger.runs.get(), "only samples 6, 7 and 8 are computed"),
                () -> assertArrayEquals(Files.readAllBytes(fresh9), Files.readAllBytes(out)),
                () -> assertFalse(Files.exists(checkpoint), "nothing beyond the training set: the checkpoint goes"));
    }

    @Test
    void anExistingTrainingSetIsReusedWhenItIsTheSameAndOtherwiseNeverSilentlyReplaced(@TempDir Path directory)
            throws IOException {
        ZonedMesh zoned = new ZonedMesh(SMALL);
        Path out = directory.resolve("training.h5");
        new TrainingCampaign(zoned, 3, 6, SHARES, out).run(new JavaSolver(new FullModel(zoned), 2), "java",
                CampaignProgress.SILENT);
        byte[] six = Files.readAllBytes(out);

        CountingSolver same = new CountingSolver(zoned, 1, -1);
        RecordedNotes notes = new RecordedNotes();
        SortedMap<Long, FullRun> reused = new TrainingCampaign(zoned, 3, 6, SHARES, out).run(same, "java", notes);
        UserInputException fewer = assertThrows(UserInputException.class, () -> new TrainingCampaign(zoned, 3, 4,
                SHARES, out).run(new CountingSolver(zoned, 1, -1), "java", CampaignProgress.SILENT));
        UserInputException otherSeed = assertThrows(UserInputException.class, () -> new TrainingCampaign(zoned, 4, 6,
                SHARES, out).run(new CountingSolver(zoned, 1, -1), "java", CampaignProgress.SILENT));
        UserInputException otherSolver = assertThrows(UserInputException.class, () -> new TrainingCampaign(zoned, 3,
                6, SHARES, out).alreadyDone("fenics"));
        UserInputException otherSplit = assertThrows(UserInputException.class, () -> new TrainingCampaign(zoned, 3,
                6, new double[] {0.5, 0.25, 0.25}, out).alreadyDone("java"));
        assertAll(
                () -> assertEquals(0, same.runs.get()),
                () -> assertEquals(6, reused.size()),
                () -> assertEquals(List.of("'" + out + "' already holds these 6 samples; kept as it is"), notes.lines()),
                () -> assertEquals("output '" + out + "' holds 6 full runs of case plate-impact, seed 3; this asks "
                        + "for 4", fewer.getMessage()),
                () -> assertEquals("output '" + out + "' holds 6 full runs of case plate-impact, seed 3; this asks "
                        + "for 6 full runs of case plate-impact, seed 4", otherSeed.getMessage()),
                () -> assertEquals("output '" + out + "' holds 6 full runs of case plate-impact, seed 3 (java solver); "
                        + "this asks for 6 full runs of case plate-impact, seed 3 (fenics solver)",
                        otherSolver.getMessage()),
                () -> assertEquals("output '" + out + "' holds 6 full runs of case plate-impact, seed 3 split 4/1/1; "
                        + "this asks for split 2/2/2", otherSplit.getMessage()),
                () -> assertArrayEquals(six, Files.readAllBytes(out), "refusals leave the file as it was"),
                () -> assertFalse(Files.exists(directory.resolve("training.h5.checkpoint"))));

        // replacing it with fewer samples keeps its runs in the checkpoint: nothing computed is lost
        CountingSolver replacing = new CountingSolver(zoned, 1, -1);
        new TrainingCampaign(zoned, 3, 4, SHARES, out, true).run(replacing, "java", CampaignProgress.SILENT);
        assertAll(
                () -> assertEquals(0, replacing.runs.get()),
                () -> assertEquals(4, TrainingSetFile.read(out).runs().size()),
                () -> assertEquals(6, samplesIn(directory.resolve("training.h5.checkpoint"), zoned, 3)));
    }

    @Test
    void refusesTheCheckpointOfAnotherCampaign(@TempDir Path directory) {
        ZonedMesh zoned = new ZonedMesh(SMALL);
        Path out = directory.resolve("training.h5");
        assertThrows(IllegalStateException.class, () -> new TrainingCampaign(zoned, 1, 6, SHARES, out)
                .run(new CountingSolver(zoned, 1, 2), "java", CampaignProgress.SILENT));
        UserInputException error = assertThrows(UserInputException.class, () -> new TrainingCampaign(zoned, 2, 6, SHARES, out)
                .run(new CountingSolver(zoned, 1, -1), "java", CampaignProgress.SILENT));
        assertTrue(error.getMessage().startsWith("checkpoint '" + out + ".checkpoint' belongs to another campaign"),
                error.getMessage());
    }

    @Test
    void refusesACheckpointThatAnotherCampaignHasOpen(@TempDir Path directory) {
        ZonedMesh zoned = new ZonedMesh(SMALL);
        TrainingCampaign campaign = new TrainingCampaign(zoned, 1, 4, SHARES, directory.resolve("training.h5"));
        try (Checkpoint held = new Checkpoint(campaign.checkpointPath(), "another", new FullRunRecord(zoned))) {
            UserInputException error = assertThrows(UserInputException.class,
                    () -> campaign.run(new CountingSolver(zoned, 1, -1), "java", CampaignProgress.SILENT));
            assertEquals("checkpoint '" + campaign.checkpointPath() + "' is in use by another campaign of this process",
                    error.getMessage());
        }
    }

    @Test
    void splitsAreSeededPartitionsOfTheRequestedShares() {
        Splits splits = Splits.of(200, SHARES, 9);
        assertAll(
                () -> assertEquals(splits, Splits.of(200, SHARES, 9)),
                () -> assertFalse(splits.equals(Splits.of(200, SHARES, 10))),
                () -> assertEquals(140, splits.train().length),
                () -> assertEquals(30, splits.validation().length),
                () -> assertEquals(30, splits.test().length),
                () -> assertArrayEquals(LongStream.range(0, 200).toArray(), LongStream.concat(LongStream.concat(
                        Arrays.stream(splits.train()), Arrays.stream(splits.validation())),
                        Arrays.stream(splits.test())).sorted().toArray()));
        UserInputException tooFew = assertThrows(UserInputException.class, () -> Splits.of(2, SHARES, 1));
        assertEquals("samples = 2 is not allowed: a training set needs at least 3 samples, one per split",
                tooFew.getMessage());
    }

    private static LongStream longs(String[] words) {
        return Arrays.stream(words).mapToLong(Long::parseLong);
    }

    private static double[] doubles(String[] words) {
        return Arrays.stream(words).mapToDouble(Double::parseDouble).toArray();
    }
}
