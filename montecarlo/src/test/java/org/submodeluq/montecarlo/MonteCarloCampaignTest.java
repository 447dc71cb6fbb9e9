package org.submodeluq.montecarlo;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.fem.model.BoundaryTraces;
import org.submodeluq.fem.model.FullModel;
import org.submodeluq.fem.model.Submodel;
import org.submodeluq.fem.model.ThetaSampler;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.core.progress.CampaignProgress;
import org.submodeluq.core.testing.RecordedNotes;
import org.submodeluq.montecarlo.estimate.MeanIntervals;
import org.submodeluq.montecarlo.estimate.StoppingRule;
import org.submodeluq.montecarlo.estimate.SummaryOptions;

/** Campaigns: independent of threads and crashes; stopped by the rule; right on a known answer. */
class MonteCarloCampaignTest {

    private static final CaseSpec SPEC = CaseFiles.defaultCase().withMesh(40, 10).withTime(50, 0.04);
    private static final GeneratorLabel LABEL = new GeneratorLabel("scaled", "{\"kind\": \"scaled\"}", "cpu");
    private static Submodel submodel;
    private static BoundaryTraces base;

    @BeforeAll
    static void fixedTraces() {
        submodel = new Submodel(SPEC);
        base = new FullModel(submodel.mesh()).run(new ThetaSampler(SPEC, 1).sample(0)).traces();
    }

    private static MonteCarloResult run(Path out, CampaignSettings settings, long failAt) {
        SubmodelSampler sampler = new SubmodelSampler(submodel, new ScaledTraces(base, failAt));
        return new MonteCarloCampaign(sampler, LABEL, settings, out).run(CampaignProgress.SILENT);
    }

    private static CampaignSettings settings(StoppingRule stopping, int batch, int threads) {
        return new CampaignSettings(stopping, 17, batch, threads, SummaryOptions.defaults(),
                Map.of("peak_von_mises", new double[] {0.1, 0.2}));
    }

    @Test
    void threadsDoNotChangeABit(@TempDir Path directory) {
        MonteCarloResult one = run(directory.resolve("one.h5"), settings(StoppingRule.samples(45), 10, 1), -1);
        MonteCarloResult two = run(directory.resolve("two.h5"), settings(StoppingRule.samples(45), 10, 2), -1);
        assertEquals(45, one.samples().length);
        for (int i = 0; i < 45; i++) {
            assertArrayEquals(one.samples()[i], two.samples()[i], 0.0, "sample " + i);
        }
        assertEquals(one.summaries(), two.summaries());
        assertArrayEquals(one.samples(), MonteCarloFile.read(directory.resolve("two.h5")).samples());
        assertFalse(Files.exists(directory.resolve("two.h5.checkpoint")), "the checkpoint goes once the file is written");
    }

    @Test
    void aCampaignThatCrashedResumesToTheSameBits(@TempDir Path directory) {
        MonteCarloResult whole = run(directory.resolve("whole.h5"), settings(StoppingRule.samples(60), 10, 2), -1);
        Path out = directory.resolve("resumed.h5");
        assertThrows(IllegalStateException.class, () -> run(out, settings(StoppingRule.samples(60), 10, 1), 30));
        assertTrue(Files.exists(directory.resolve("resumed.h5.checkpoint")));
        MonteCarloResult resumed = run(out, settings(StoppingRule.samples(60), 10, 2), -1);
        assertEquals(30, resumed.resumedSamples());
        assertArrayEquals(whole.samples(), resumed.samples());
        assertEquals(whole.summaries(), resumed.summaries());
    }

    @Test
    void anErrorInOneWorkerFailsTheCampaignInsteadOfShorteningIt(@TempDir Path directory) {
        Path out = directory.resolve("failed.h5");
        SubmodelSampler sampler = new SubmodelSampler(submodel, new ScaledTraces(base, 35, true));
        AssertionError error = assertThrows(AssertionError.class, () -> new MonteCarloCampaign(sampler, LABEL,
                settings(StoppingRule.samples(60), 10, 2), out).run(CampaignProgress.SILENT));
        assertEquals("simulated crash at sample 35", error.getMessage());
        assertFalse(Files.exists(out));
        assertTrue(Files.exists(directory.resolve("failed.h5.checkpoint")), "finished batches are kept");
    }

    @Test
    void aShortLastBatchIsRecomputedWhenACampaignResumesWithMoreSamples(@TempDir Path directory) throws Exception {
        Path out = directory.resolve("grown.h5");
        Files.createDirectories(out.resolve("occupied"));
        assertThrows(UncheckedIOException.class, () -> run(out, settings(StoppingRule.samples(25), 10, 1), -1),
                "the output is a non-empty directory: every batch is in the checkpoint, the file is not written");
        Files.delete(out.resolve("occupied"));
        Files.delete(out);
        MonteCarloResult grown = run(out, settings(StoppingRule.samples(40), 10, 2), -1);
        MonteCarloResult fresh = run(directory.resolve("fresh.h5"), settings(StoppingRule.samples(40), 10, 2), -1);
        assertEquals(20, grown.resumedSamples(), "batches 0 and 1 are kept, the short batch 2 is not");
        assertArrayEquals(fresh.samples(), grown.samples());
    }


    @Test
    void aSmallerRequestUsesTheFirstSamplesKeepsTheRestAndALargerOneResumesFromAll(@TempDir Path directory) {
        MonteCarloResult fresh25 = run(directory.resolve("fresh25.h5"), settings(StoppingRule.samples(25), 10, 2), -1);
        MonteCarloResult fresh60 = run(directory.resolve("fresh60.h5"), settings(StoppingRule.samples(60), 10, 2), -1);
        Path out = directory.resolve("mc.h5");
        Path checkpoint = directory.resolve("mc.h5.checkpoint");
        // stopped at 40 samples: batches 0 .. 3 are in the checkpoint, batch 4 fails
        assertThrows(IllegalStateException.class, () -> run(out, settings(StoppingRule.samples(60), 10, 1), 40));

        RecordedNotes notes = new RecordedNotes();
        MonteCarloResult smaller = new MonteCarloCampaign(new SubmodelSampler(submodel, new ScaledTraces(base, -1)),
                LABEL, settings(StoppingRule.samples(25), 10, 2), out).run(notes);
        assertAll(
                () -> assertEquals(20, smaller.resumedSamples(), "batches 0 and 1; the short batch 2 is drawn alone"),
                () -> assertArrayEquals(fresh25.samples(), smaller.samples()),
                () -> assertArrayEquals(fresh25.samples(), MonteCarloFile.read(out).samples()),
                () -> assertTrue(notes.lines().contains("kept 40 finished samples in " + checkpoint + "; 25 used"),
                        notes.lines().toString()));

        MonteCarloResult larger = run(out, settings(StoppingRule.samples(60), 10, 2), -1);
        assertAll(
                () -> assertEquals(40, larger.resumedSamples(), "all four batches, the full batch 2 too"),
                () -> assertArrayEquals(fresh60.samples(), larger.samples()),
                () -> assertEquals(fresh60.summaries(), larger.summaries()),
                () -> assertFalse(Files.exists(checkpoint), "nothing beyond the file: the checkpoint goes"));
    }

    @Test
    void anExistingResultIsReusedWhenItIsTheSameAndOtherwiseNeverSilentlyReplaced(@TempDir Path directory)
            throws Exception {
        Path out = directory.resolve("mc.h5");
        MonteCarloResult thirty = run(out, settings(StoppingRule.samples(30), 10, 2), -1);
        byte[] written = Files.readAllBytes(out);

        RecordedNotes notes = new RecordedNotes();
        MonteCarloResult reused = new MonteCarloCampaign(new SubmodelSampler(submodel, new ScaledTraces(base, 0)),
                LABEL, settings(StoppingRule.samples(30), 10, 1), out).run(notes);
        UserInputException fewer = assertThrows(UserInputException.class,
                () -> run(out, settings(StoppingRule.samples(20), 10, 2), -1));
        UserInputException otherSeed = assertThrows(UserInputException.class, () -> run(out, new CampaignSettings(
                StoppingRule.samples(30), 18, 10, 2, SummaryOptions.defaults(), Map.of()), -1));
        UserInputException otherThresholds = assertThrows(UserInputException.class, () -> run(out,
                new CampaignSettings(StoppingRule.samples(30), 17, 10, 2, SummaryOptions.defaults(), Map.of()), -1));
        String holds = "output '" + out + "' holds 30 samples of case plate-impact from the scaled generator, seed 17";
        assertAll(
                () -> assertArrayEquals(thirty.samples(), reused.samples(), "read back, nothing drawn"),
                () -> assertEquals(thirty.summaries(), reused.summaries()),
                () -> assertEquals(List.of("'" + out + "' already holds this campaign's 30 samples; kept as it is"),
                        notes.lines()),
                () -> assertEquals(holds + "; this asks for 20", fewer.getMessage()),
                () -> assertEquals(holds + "; this asks for 30 samples of case plate-impact from the scaled generator, "
                        + "seed 18", otherSeed.getMessage()),
                () -> assertEquals(holds + "; this asks for 30 samples of case plate-impact from the scaled generator, "
                        + "seed 17 with other settings", otherThresholds.getMessage()),
                () -> assertArrayEquals(written, Files.readAllBytes(out), "refusals leave the file as it was"));

        MonteCarloResult replaced = new MonteCarloCampaign(new SubmodelSampler(submodel, new ScaledTraces(base, -1)),
                LABEL, settings(StoppingRule.samples(20), 10, 2), out, true).run(CampaignProgress.SILENT);
        assertArrayEquals(replaced.samples(), MonteCarloFile.read(out).samples());
        assertEquals(20, MonteCarloFile.read(out).samples().length);
    }

    @Test
    @Tag("slow")
    void aPrecisionTargetStopsAtTheSameBatchOnAnyThreadCount(@TempDir Path directory) {
        StoppingRule rule = new StoppingRule(5000, 0.02, 0.95, 20);
        MonteCarloResult one = run(directory.resolve("one.h5"), settings(rule, 10, 1), -1);
        MonteCarloResult two = run(directory.resolve("two.h5"), settings(rule, 10, 2), -1);
        int n = one.samples().length;
        double widest = one.summaries().stream()
                .mapToDouble(s -> s.meanInterval().halfWidth() / Math.abs(s.mean())).max().orElseThrow();
        assertAll(
                () -> assertTrue(n < 5000 && n % 10 == 0, "stops early, at a batch boundary: " + n),
                () -> assertEquals(n, two.samples().length),
                () -> assertTrue(widest <= 0.02, "relative half-width " + widest),
                () -> assertTrue(one.stopReason().contains("interval"), one.stopReason()));
    }

    @Test
    @Tag("slow")
    void theMeanIntervalCoversTheKnownMeanInNinetyFivePercentOfRepetitions() {
        CaseSpec coarse = SPEC.withTime(25, 0.08);
        Submodel zone = new Submodel(coarse);
        BoundaryTraces traces = new FullModel(zone.mesh()).run(new ThetaSampler(coarse, 1).sample(0)).traces();
        double truth = zone.run(traces).peakCentreDisplacement();
        SubmodelSampler sampler = new SubmodelSampler(zone, new ScaledTraces(traces, -1));
        assertTrue(truth > 1e-3, "the wave must reach the centre: " + truth);
        assertEquals(ScaledTraces.scale(3, 5) * truth, sampler.run(3, 5, 1)[0][0], 1e-12 * truth,
                "linearity: sample = a x base");
        int repetitions = 1000;
        int n = 100;
        long covered = IntStream.range(0, repetitions).parallel().filter(r -> {
            double[][] samples = sampler.run(1000 + r, 0, n);
            return MeanIntervals.normal(MonteCarloResult.column(samples, 0), 0.95).contains(truth);
        }).count();
        double coverage = covered / (double) repetitions;
        System.out.printf("coverage of the 95 %% interval over %d repetitions of %d samples: %.3f%n", repetitions, n,
                coverage);
        assertTrue(coverage >= 0.93 && coverage <= 0.97, "coverage " + coverage);
    }

    @Test
    void badInputGivesOneClearErrorEach(@TempDir Path directory) {
        Submodel other = new Submodel(SPEC.withMesh(80, 20));
        UserInputException shape = assertThrows(UserInputException.class,
                () -> new SubmodelSampler(other, new ScaledTraces(base, -1)));
        UserInputException threshold = assertThrows(UserInputException.class, () -> new CampaignSettings(
                StoppingRule.samples(10), 1, 10, 1, SummaryOptions.defaults(), Map.of("peak_stress", new double[] {1})));
        assertAll(
                () -> assertTrue(shape.getMessage().startsWith("the empirical generator makes traces of shape "
                        + "22 x 2 x 50 (nodes x components x steps) but the zone of case"), shape.getMessage()),
                () -> assertEquals("threshold for 'peak_stress', which is not a quantity of interest (known: "
                        + "peak_centre_displacement, peak_von_mises, peak_strain_energy)", threshold.getMessage()));
    }
}
