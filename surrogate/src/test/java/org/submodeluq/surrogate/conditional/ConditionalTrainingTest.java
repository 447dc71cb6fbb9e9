package org.submodeluq.surrogate.conditional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.core.UserInputException;
import org.submodeluq.core.progress.CampaignProgress;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.FullModel;
import org.submodeluq.fem.model.JavaSolver;
import org.submodeluq.fem.model.ThetaSampler;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.fem.training.TrainingCampaign;
import org.submodeluq.surrogate.BoundaryConditionGenerator;
import org.submodeluq.surrogate.GeneratorFiles;
import org.submodeluq.surrogate.GeneratorKind;
import org.submodeluq.surrogate.GeneratorTraining;
import org.submodeluq.surrogate.data.SampleMatrix;
import org.submodeluq.surrogate.data.TrainingData;
import org.submodeluq.surrogate.gan.TrainingListener;
import org.submodeluq.surrogate.gan.WganGpOptions;
import org.submodeluq.surrogate.metrics.SampleDistances;
import org.submodeluq.surrogate.reduction.PcaReduction;

/** Mean-map generators trained on real full runs of a small plate, saved, loaded and fed inputs. */
class ConditionalTrainingTest {

    private static final CaseSpec SPEC = CaseFiles.defaultCase().withMesh(20, 5).withTime(80, 0.02);
    private static final int[] SHAPE = {12, 2, 80};

    @TempDir
    static Path directory;
    private static TrainingData data;
    private static Path model;
    private static GeneratorTraining.Result trained;

    @BeforeAll
    static void trainOnFullRuns() {
        ZonedMesh zoned = new ZonedMesh(SPEC);
        Path set = directory.resolve("training.h5");
        new TrainingCampaign(zoned, 4, 90, new double[] {0.6, 0.1, 0.3}, set)
                .run(new JavaSolver(new FullModel(zoned), 2), "java", CampaignProgress.SILENT);
        data = TrainingData.read(set, TrainingData.TRACES, 4);
        model = directory.resolve("mean-map-residual");
        trained = GeneratorTraining.train(data, settings(GeneratorKind.MEAN_MAP_RESIDUAL), model, TrainingListener.SILENT);
    }

    private static GeneratorTraining.Settings settings(GeneratorKind kind) {
        return new GeneratorTraining.Settings(kind, PcaReduction.DEFAULT_ENERGY, 0, WganGpOptions.defaults(), 5,
                Device.cpu(), new GeneratorTraining.Conditional("", 12, 8, 5, 2));
    }

    @Test
    void aLoadedGeneratorDrawsTheSameBitsAsTheTrainedOneForAnyRangeOfSamples() {
        BoundaryConditionGenerator loaded = GeneratorFiles.load(model, SHAPE, Device.cpu());
        assertEquals(GeneratorKind.MEAN_MAP_RESIDUAL, loaded.kind());
        double[][] whole = trained.generator().sample(3, 0, 10);
        double[][] part = loaded.sample(3, 4, 5);
        for (int i = 0; i < part.length; i++) {
            assertArrayEquals(whole[4 + i], part[i], 0, "sample " + (4 + i));
        }
        assertFalse(Arrays.equals(whole[0], trained.generator().sample(4, 0, 1)[0]), "another seed, other samples");
        assertEquals("[\"amplitude\",\"duration\",\"centre\",\"xi_1\",\"xi_2\",\"xi_3\",\"xi_4\",\"xi_5\",\"xi_6\","
                + "\"xi_7\",\"xi_8\"]", GeneratorFiles.manifest(model).path(GeneratorFiles.CONDITIONING).toString());
    }

    @Test
    void theConditionalGanSavesLoadsAndScalesItsTracesExactlyWithTheAmplitude() {
        WganGpOptions small = WganGpOptions.defaults().withLatent(4).withGeneratorHidden(16).withCriticHidden(16)
                .withBatch(16).withIterations(40).withEvaluateEvery(20).withCheckpointEvery(20).withSeed(2);
        Path directory = ConditionalTrainingTest.directory.resolve("cwgan-gp");
        BoundaryConditionGenerator trainedGan = GeneratorTraining.train(data, new GeneratorTraining.Settings(
                GeneratorKind.CONDITIONAL_WGAN_GP, PcaReduction.DEFAULT_ENERGY, 0, small, 5, Device.cpu(),
                new GeneratorTraining.Conditional("", 12, 8, 5, 1)), directory, TrainingListener.SILENT).generator();
        ConditionalGenerator loaded = (ConditionalGenerator) GeneratorFiles.load(directory, SHAPE, Device.cpu());
        assertEquals(java.util.List.of("amplitude", "duration", "centre"), loaded.conditioning().names());
        double[][] inputs = new InputDraws(SPEC, 1, GivenInputs.NONE).rows(0, 6);
        double[][] a = ((ConditionalGenerator) trainedGan).sample(8, 0, 6, inputs);
        double[][] b = loaded.sample(8, 0, 6, inputs);
        double[][] doubled = new double[6][];
        for (int i = 0; i < 6; i++) {
            assertArrayEquals(a[i], b[i], 0, "sample " + i);
            doubled[i] = inputs[i].clone();
            doubled[i][0] *= 2;
        }
        double[][] twice = loaded.sample(8, 0, 6, doubled);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < a[i].length; j++) {
                assertEquals(2 * a[i][j], twice[i][j], 1e-15 * Math.abs(a[i][j]), "sample " + i + ", value " + j);
            }
        }
    }

    @Test
    void trainingAgainOnOneThreadGivesTheSameBits() {
        GeneratorTraining.Settings oneThread = new GeneratorTraining.Settings(GeneratorKind.MEAN_MAP_RESIDUAL,
                PcaReduction.DEFAULT_ENERGY, 0, WganGpOptions.defaults(), 5, Device.cpu(),
                new GeneratorTraining.Conditional("", 12, 8, 5, 1));
        Path again = directory.resolve("again");
        GeneratorTraining.train(data, oneThread, again, TrainingListener.SILENT);
        double[][] first = GeneratorFiles.load(model, SHAPE, Device.cpu()).sample(9, 0, 5);
        double[][] second = GeneratorFiles.load(again, SHAPE, Device.cpu()).sample(9, 0, 5);
        for (int i = 0; i < first.length; i++) {
            assertArrayEquals(first[i], second[i], 0, "sample " + i);
        }
        assertArrayEquals(GeneratorFiles.crossFitted(model).predictions()[7],
                GeneratorFiles.crossFitted(again).predictions()[7], 0);
    }

    @Test
    void crossFittedPredictionsComeFromFitsThatDidNotSeeTheRun() {
        CrossFitted stored = GeneratorFiles.crossFitted(model);
        long[] train = data.splits().train();
        assertArrayEquals(train, stored.runs());
        double[][] traces = data.train().rows();
        MeanMapGenerator generator = (MeanMapGenerator) trained.generator();
        double inSample = MeanMapTraining.relativeError(traces, generator.predict(data.inputs(train)));
        double crossFitted = MeanMapTraining.relativeError(traces, stored.predictions());
        double mean = MeanMapTraining.relativeError(traces, constant(SampleDistances.mean(traces), traces.length));
        assertTrue(crossFitted < 0.5 * mean, "the map learns from the inputs: " + crossFitted + " against the mean's "
                + mean);
        assertTrue(inSample < 0.5 * crossFitted, "a fit that saw the runs is much closer to them (" + inSample
                + ") than the cross-fitted predictions (" + crossFitted + ")");
        assertEquals(5, Arrays.stream(stored.folds()).distinct().count());
    }

    @Test
    void theSavedFoldMapsPredictTheRunsTheyHeldOutAsStored() {
        CrossFitted stored = GeneratorFiles.crossFitted(model);
        CrossFitEnsemble ensemble = GeneratorFiles.crossFitEnsemble(model);
        assertEquals(5, ensemble.folds());
        assertArrayEquals(new int[] {11, 11, 11, 11, 10}, ensemble.foldSizes());
        for (int k = 0; k < ensemble.folds(); k++) {
            int fold = k;
            int[] heldOut = IntStream.range(0, stored.runs().length).filter(i -> stored.folds()[i] == fold).toArray();
            double[][] predicted = ensemble.foldMap(k).predict(data.inputs(Arrays.stream(heldOut)
                    .mapToLong(i -> stored.runs()[i]).toArray()));
            double[][] expected = MeanMapTraining.rows(stored.predictions(), heldOut);
            assertTrue(MeanMapTraining.relativeError(expected, predicted) < 1e-12, "fold " + k + ": "
                    + MeanMapTraining.relativeError(expected, predicted));
        }
    }

    @Test
    void crossFitSampleIIsThePredictionOfFoldIModK() {
        CrossFitEnsemble ensemble = GeneratorFiles.crossFitEnsemble(model);
        double[][] inputs = new InputDraws(SPEC, 9, GivenInputs.NONE).rows(3, 12);
        double[][] samples = ensemble.sample(1, 3, 12, inputs);
        double[][] finalMap = ((MeanMapGenerator) trained.generator()).predict(inputs);
        for (int i = 0; i < samples.length; i++) {
            int fold = (3 + i) % 5;
            assertEquals(fold, ensemble.foldOf(3 + i));
            assertArrayEquals(ensemble.foldMap(fold).predict(inputs)[i], samples[i], 0, "sample " + (3 + i));
            assertFalse(Arrays.equals(finalMap[i], samples[i]), "the final map is another surrogate");
        }
        double[][] fresh = ensemble.sample(4, 3, 12);
        double[][] drawn = new InputDraws(SPEC, 4, GivenInputs.NONE).rows(3, 12);
        assertArrayEquals(ensemble.sample(7, 3, 12, drawn)[5], fresh[5], 0, "fresh inputs, the seed only draws them");
    }

    @Test
    void theMeanMapDerivedWithoutAFitKeepsTheFoldMaps() {
        Path derived = directory.resolve("mean-map");
        GeneratorTraining.withoutResidual(data, model, derived, 5);
        double[][] inputs = new InputDraws(SPEC, 2, GivenInputs.NONE).rows(0, 7);
        double[][] original = GeneratorFiles.crossFitEnsemble(model).sample(0, 0, 7, inputs);
        double[][] kept = GeneratorFiles.crossFitEnsemble(derived).sample(0, 0, 7, inputs);
        for (int i = 0; i < original.length; i++) {
            assertArrayEquals(original[i], kept[i], 0, "sample " + i);
        }
    }

    @Test
    void aModelSavedWithoutFoldMapsLoadsButHasNoCrossFitEnsemble() {
        Path old = directory.resolve("without-fold-maps");
        CrossFitted stored = GeneratorFiles.crossFitted(model);
        GeneratorFiles.save(old, trained.generator(), GeneratorFiles.reduction(model), data.trainedCase(), Map.of(),
                new CrossFitted(stored.runs(), stored.folds(), stored.predictions(), List.of()));
        assertArrayEquals(GeneratorFiles.load(model, SHAPE, Device.cpu()).sample(3, 0, 2)[1],
                GeneratorFiles.load(old, SHAPE, Device.cpu()).sample(3, 0, 2)[1], 0);
        CrossFitted pairs = GeneratorFiles.crossFitted(old);
        assertTrue(pairs.maps().isEmpty());
        assertArrayEquals(stored.predictions()[4], pairs.predictions()[4], 0);
        UserInputException e = assertThrows(UserInputException.class, () -> GeneratorFiles.crossFitEnsemble(old));
        assertEquals("generator '" + old + "' keeps its cross-fitted predictions but not the fold maps that made them "
                + "(saved before they were kept): train it again to draw cheap samples from the surrogate of its "
                + "pairs", e.rule());
    }

    @Test
    void theMeanMapAloneIsDeterministicAndEqualsThePrediction() {
        MeanMapGenerator meanMap = ((MeanMapGenerator) trained.generator()).withoutResidual();
        double[][] inputs = new InputDraws(SPEC, 9, GivenInputs.NONE).rows(0, 3);
        double[][] a = meanMap.sample(1, 0, 3, inputs);
        double[][] b = meanMap.sample(2, 0, 3, inputs);
        double[][] predicted = meanMap.predict(inputs);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(predicted[i], a[i], 0);
            assertArrayEquals(predicted[i], b[i], 0);
        }
    }

    @Test
    void campaignInputsAreDrawnAfreshNotReusedFromTheRunsOfTheSameSeed() {
        double[][] drawn = new InputDraws(SPEC, 4, GivenInputs.NONE).rows(0, 20);
        ThetaSampler runs = new ThetaSampler(SPEC, 4);
        for (int i = 0; i < drawn.length; i++) {
            assertFalse(Arrays.equals(drawn[i], runs.sample(i).toArray()), "input " + i);
        }
    }

    @Test
    void givenInputsHoldTheLoadWhileTheRestIsDrawn() {
        ConditionalGenerator generator = (ConditionalGenerator) trained.generator();
        GivenInputs given = GivenInputs.parse("amplitude=1.2,duration=0.4,centre=0.3", SPEC, generator.conditioning());
        double[][] inputs = new InputDraws(SPEC, 6, given).rows(0, 50);
        for (double[] row : inputs) {
            assertArrayEquals(new double[] {1.2, 0.4, 0.3}, Arrays.copyOf(row, 3));
        }
        assertTrue(Arrays.stream(inputs).mapToDouble(row -> row[3]).distinct().count() == 50, "xi_1 is drawn");
        double[][] viaScenario = Scenario.of(generator, SPEC, given, "g").sample(6, 0, 4);
        double[][] direct = generator.sample(6, 0, 4, Arrays.copyOf(inputs, 4));
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(direct[i], viaScenario[i], 0);
        }
    }

    @Test
    void aCaseDrawingBeyondTheTrainedLoadIsRefusedUnlessHeldFixed() {
        ConditionalGenerator generator = (ConditionalGenerator) trained.generator();
        CaseSpec wider = CaseFiles.parse("load: {duration: \"uniform(min=0.1, max=0.75)\"}", "wider")
                .withMesh(20, 5).withTime(80, 0.02);
        UserInputException e = assertThrows(UserInputException.class,
                () -> Scenario.of(generator, wider, GivenInputs.NONE, "g"));
        assertEquals("draws duration from uniform(min=0.1, max=0.75), beyond what generator 'g' was trained on "
                + "(uniform(min=0.25, max=0.75)): it would extrapolate; narrow the case's duration or hold it with "
                + "--given", e.rule());
        Scenario.of(generator, wider, GivenInputs.parse("duration=0.5", SPEC, generator.conditioning()), "g");
    }

    @Test
    void aPlainDatasetCannotTrainAConditionalGenerator() {
        TrainingData plain = new TrainingData(new SampleMatrix(data.all().rows(), SHAPE), data.splits(), "plain.h5");
        UserInputException e = assertThrows(UserInputException.class, () -> GeneratorTraining.train(plain,
                settings(GeneratorKind.MEAN_MAP), directory.resolve("plain"), TrainingListener.SILENT));
        assertEquals("mean-map reads each run's inputs, and 'plain.h5' is a plain dataset: train it on a training "
                + "set's traces (the output of generate)", e.rule());
    }

    private static double[][] constant(double[] row, int n) {
        double[][] rows = new double[n][];
        Arrays.fill(rows, row);
        return rows;
    }
}
