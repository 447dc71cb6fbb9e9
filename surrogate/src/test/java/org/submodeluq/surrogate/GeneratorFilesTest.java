package org.submodeluq.surrogate;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.core.UserInputException;
import org.submodeluq.core.progress.CampaignProgress;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.FullModel;
import org.submodeluq.fem.model.JavaSolver;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.fem.training.Splits;
import org.submodeluq.fem.training.TrainingCampaign;
import org.submodeluq.nn.ComputeDevice;
import org.submodeluq.nn.DjlRuntime;
import org.submodeluq.surrogate.data.SampleMatrix;
import org.submodeluq.surrogate.data.TrainingData;
import org.submodeluq.surrogate.gan.TrainingListener;
import org.submodeluq.surrogate.gan.WganGpOptions;

/** Model directories, sample files and the errors of bad input. */
class GeneratorFilesTest {

    /** The kinds a plain dataset trains; the conditional ones need runs' inputs (ConditionalTrainingTest). */
    private static final GeneratorKind[] UNCONDITIONAL = Arrays.stream(GeneratorKind.values())
            .filter(kind -> !kind.conditional()).toArray(GeneratorKind[]::new);

    private static TrainingData data() {
        Random random = new Random(3);
        double[][] rows = new double[60][6];
        for (double[] row : rows) {
            for (int k = 0; k < 6; k++) {
                row[k] = random.nextGaussian() + k;
            }
        }
        return new TrainingData(new SampleMatrix(rows, new int[] {3, 2}), Splits.of(60, new double[] {0.7, 0.15, 0.15},
                1), "synthetic");
    }

    private static GeneratorTraining.Settings settings(GeneratorKind kind) {
        WganGpOptions gan = WganGpOptions.defaults().withLatent(4).withGeneratorHidden(8).withCriticHidden(8)
                .withLearningRate(1e-3).withBatch(16).withIterations(50).withEmaDecay(0.9).withEvaluateEvery(25)
                .withCheckpointEvery(25).withSeed(1);
        return new GeneratorTraining.Settings(kind, 0.999, 0, gan, 2, Device.cpu(), GeneratorTraining.Conditional.defaults(1));
    }

    @Test
    void everyKindSavesLoadsAndSamplesTheSame(@TempDir Path directory) {
        for (GeneratorKind kind : UNCONDITIONAL) {
            Path dir = directory.resolve(kind.text());
            GeneratorTraining.Result trained = GeneratorTraining.train(data(), settings(kind), dir,
                    TrainingListener.SILENT);
            BoundaryConditionGenerator loaded = GeneratorFiles.load(dir, new int[] {3, 2}, Device.cpu());
            double[][] a = trained.generator().sample(7, 11);
            double[][] b = loaded.sample(7, 11);
            assertEquals(kind, loaded.kind());
            for (int i = 0; i < a.length; i++) {
                assertArrayEquals(a[i], b[i], 1e-12, kind.text() + " sample " + i);
            }
            assertEquals(kind.text(), GeneratorFiles.manifest(dir).path("kind").asText());
            assertTrue(GeneratorFiles.manifest(dir).path("metrics_on_test_split").has("energy_distance_pca"));
        }
    }

    @Test
    void anyRangeOfSamplesEqualsTheSameRowsOfTheWholeSequence(@TempDir Path directory) {
        for (GeneratorKind kind : UNCONDITIONAL) {
            BoundaryConditionGenerator generator = GeneratorTraining.train(data(), settings(kind),
                    directory.resolve(kind.text()), TrainingListener.SILENT).generator();
            double[][] whole = generator.sample(12, 5);
            double[][] middle = generator.sample(5, 4, 3);
            double[][] reversed = new double[12][];
            for (int i = 11; i >= 0; i--) {
                reversed[i] = generator.sample(5, i, 1)[0];
            }
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(whole[4 + i], middle[i], 1e-12, kind.text() + " row " + (4 + i));
            }
            for (int i = 0; i < 12; i++) {
                assertArrayEquals(whole[i], reversed[i], 1e-12, kind.text() + " row " + i + " drawn alone");
            }
        }
    }

    @Test
    void aGeneratorOfATrainingSetsTracesRecordsItsCaseAndOneOfAPlainDatasetNone(@TempDir Path directory) {
        CaseSpec tiny = CaseFiles.parse("name: tiny\nmesh: {nx: 20, ny: 5}\ntime: {steps: 10, dt: 0.04}\n",
                "tiny.yaml");
        Path training = directory.resolve("training.h5");
        ZonedMesh zoned = new ZonedMesh(tiny);
        try (JavaSolver solver = new JavaSolver(new FullModel(zoned), 1)) {
            new TrainingCampaign(zoned, 2, 12, new double[] {0.5, 0.25, 0.25}, training).run(solver, "java",
                    CampaignProgress.SILENT);
        }
        TrainingData traces = TrainingData.read(training, TrainingData.TRACES, 1);
        TrainingData quantities = TrainingData.read(training, "/qoi", 1);
        Path ofTraces = directory.resolve("traces");
        Path ofQuantities = directory.resolve("qoi");
        Path ofSynthetic = directory.resolve("synthetic");
        GeneratorTraining.train(traces, settings(GeneratorKind.PCA_GAUSSIAN), ofTraces, TrainingListener.SILENT);
        GeneratorTraining.train(quantities, settings(GeneratorKind.PCA_GAUSSIAN), ofQuantities,
                TrainingListener.SILENT);
        GeneratorTraining.train(data(), settings(GeneratorKind.EMPIRICAL), ofSynthetic, TrainingListener.SILENT);
        assertAll(
                () -> assertEquals(Optional.of(tiny), traces.trainedCase()),
                () -> assertEquals(Optional.empty(), quantities.trainedCase()),
                () -> assertEquals(Optional.of(tiny), GeneratorFiles.trainedCase(ofTraces)),
                () -> assertEquals("tiny", GeneratorFiles.manifest(ofTraces).path("case").path("name").asText()),
                () -> assertEquals(CaseFiles.toYaml(tiny),
                        GeneratorFiles.manifest(ofTraces).path("case").path("yaml").asText()),
                () -> assertEquals(Optional.empty(), GeneratorFiles.trainedCase(ofQuantities)),
                () -> assertEquals(Optional.empty(), GeneratorFiles.trainedCase(ofSynthetic)),
                () -> assertTrue(GeneratorFiles.manifest(ofSynthetic).path("case").isMissingNode()));
    }

    @Test
    void sampleFilesKeepTheTrainingShape(@TempDir Path directory) {
        double[][] rows = {{1, 2, 3, 4, 5, 6}, {7, 8, 9, 10, 11, 12}};
        Path file = directory.resolve("samples.h5");
        SampleFile.write(file, rows, new int[] {3, 2}, Map.of("seed", 5L));
        try (HdfFile hdf = new HdfFile(file)) {
            assertArrayEquals(new int[] {2, 3, 2}, hdf.getDatasetByPath("samples").getDimensions());
            assertEquals(10.0, ((double[][][]) hdf.getDatasetByPath("samples").getData())[1][1][1]);
        }
        assertArrayEquals(rows[1], SampleFile.read(file)[1], 0);
    }

    @Test
    void badInputGivesOneClearErrorEach(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("data.h5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putDataset("nan", new double[][] {{1, 2}, {Double.NaN, 4}, {5, 6}});
            hdf.putDataset("vector", new double[] {1, 2, 3});
            hdf.putDataset("good", new double[][] {{1, 2}, {3, 5}, {5, 6}, {7, 9}, {2, 2}});
        }
        GeneratorTraining.train(data(), settings(GeneratorKind.PCA_GAUSSIAN), directory.resolve("pca"),
                TrainingListener.SILENT);
        UserInputException nan = assertThrows(UserInputException.class, () -> TrainingData.read(file, "/nan", 1));
        UserInputException missing = assertThrows(UserInputException.class, () -> TrainingData.read(file, "/nothing", 1));
        UserInputException vector = assertThrows(UserInputException.class, () -> TrainingData.read(file, "/vector", 1));
        UserInputException absent = assertThrows(UserInputException.class, () -> TrainingData.read(directory.resolve("x.h5"),
                "/traces", 1));
        UserInputException folder = assertThrows(UserInputException.class, () -> TrainingData.read(directory, "/traces",
                1));
        Path model = directory.resolve("pca").resolve(GeneratorFiles.MODEL_FILE);
        UserInputException otherFile = assertThrows(UserInputException.class, () -> TrainingData.read(model,
                "/reduction/mean", 1));
        UserInputException empty = assertThrows(UserInputException.class, () -> new SampleMatrix(new double[0][], new int[] {2}));
        UserInputException shape = assertThrows(UserInputException.class, () -> GeneratorFiles.load(directory.resolve("pca"),
                new int[] {42, 2, 200}, Device.cpu()));
        UserInputException notModel = assertThrows(UserInputException.class, () -> GeneratorFiles.load(directory, null,
                Device.cpu()));
        Files.writeString(directory.resolve("pca/manifest.json"), Files.readString(directory.resolve(
                "pca/manifest.json")).replace("\"kind\" : \"pca-gaussian\"", "\"kind\" : \"wgan-gp\""));
        UserInputException otherKind = assertThrows(UserInputException.class, () -> GeneratorFiles.load(directory.resolve("pca"),
                null, Device.cpu()));
        UserInputException gpu = assertThrows(UserInputException.class, () -> DjlRuntime.device(ComputeDevice.GPU));
        assertAll(
                () -> assertEquals("the data hold NaN at sample 1, feature 0: generators need finite values",
                        nan.getMessage()),
                () -> assertEquals("dataset '/nothing' not found in '" + file + "'", missing.getMessage()),
                () -> assertTrue(vector.getMessage().startsWith("dataset '/vector' in '" + file + "' must be a numeric "
                        + "array of n samples"), vector.getMessage()),
                () -> assertEquals("data file '" + directory.resolve("x.h5") + "' does not exist", absent.getMessage()),
                () -> assertEquals("data file '" + directory + "' is a directory; name an HDF5 file", folder.getMessage()),
                () -> assertEquals("data file '" + model + "' is a submodel-uq/generator-model file, not a training set: "
                        + "generators learn from a training set's traces (or from a plain HDF5 dataset of samples)",
                        otherFile.getMessage()),
                () -> assertEquals("the data hold no samples", empty.getMessage()),
                () -> assertEquals("generator '" + directory.resolve("pca") + "' makes samples of shape [3, 2]; this "
                        + "needs [42, 2, 200]", shape.getMessage()),
                () -> assertEquals("'" + directory + "' is not a generator model directory: it has no manifest.json",
                        notModel.getMessage()),
                () -> assertEquals("'" + directory.resolve("pca") + "': manifest.json says wgan-gp, model.h5 says "
                        + "pca-gaussian", otherKind.getMessage()),
                () -> assertTrue(gpu.getMessage().startsWith("device gpu: DJL's PyTorch engine sees no GPU"),
                        gpu.getMessage()),
                () -> assertEquals(5, TrainingData.read(file, "/good", 1).all().size()));
    }
}
