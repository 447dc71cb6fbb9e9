package org.submodeluq.matformer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.core.UserInputException;
import org.submodeluq.matformer.data.Batch;
import org.submodeluq.matformer.data.MarkovSource;
import org.submodeluq.matformer.data.Windows;
import org.submodeluq.matformer.model.LmShape;
import org.submodeluq.matformer.model.MatLm;
import org.submodeluq.matformer.model.ModelFile;
import org.submodeluq.matformer.model.TransformerLm;

/** A run killed after a checkpoint resumes to the same bits; a checkpoint of another shape is refused. */
class ResumeTest {

    private static final LmShape SHAPE = LmShape.uniform(2, 16, 2, 16, 32, LmShape.Positions.LEARNED);
    private static final MarkovSource SOURCE = MarkovSource.random(6, 0.5, 3);

    private static float[][] train(NDManager manager, Path checkpoint, TrainingListener listener) {
        MatLm model = new MatLm(TransformerLm.initialised(manager, SHAPE, RandomSource.XO_RO_SHI_RO_128_PP.create(1L)),
                MatLm.defaultWidths(32));
        List<Batch> heldOut = new Windows(SOURCE.generate(2_000, 2), 16).evaluation(8, 2);
        new MatTrainer(model, new Windows(SOURCE.generate(20_000, 1), 16), heldOut,
                TrainOptions.defaults(20, 7).withCheckpointEvery(5), checkpoint).train(listener);
        return model.transformer().parameterList().stream().map(p -> p.toFloatArray()).toArray(float[][]::new);
    }

    @Test
    void aRunKilledAfterACheckpointResumesToTheSameWeights(@TempDir Path directory) {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[][] whole = train(manager, directory.resolve("whole.h5"), TrainingListener.SILENT);
            float[][] again = train(manager, directory.resolve("again.h5"), TrainingListener.SILENT);
            for (int p = 0; p < whole.length; p++) {
                assertArrayEquals(whole[p], again[p], 0f, "determinism, parameter " + p);
            }
            Path checkpoint = directory.resolve("killed.h5");
            TrainingListener killer = new TrainingListener() {
                @Override
                public void step(int step, int total, double[] losses) {
                    if (step == 13) {
                        throw new IllegalStateException("killed at 13");
                    }
                }
            };
            assertThrows(IllegalStateException.class, () -> train(manager, checkpoint, killer));
            assertEquals(10L, ((Number) ModelFile.attribute(checkpoint, "steps")).longValue());
            float[][] resumed = train(manager, checkpoint, TrainingListener.SILENT);
            for (int p = 0; p < whole.length; p++) {
                assertArrayEquals(whole[p], resumed[p], 0f, "parameter " + p);
            }
        }
    }

    @Test
    void aCheckpointOfAnotherShapeIsRefused(@TempDir Path directory) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Path file = directory.resolve("model.h5");
            TransformerLm lm = TransformerLm.initialised(manager, SHAPE, RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
            ModelFile.write(file, lm, new int[0], Map.of(), Map.of());
            LmShape wider = LmShape.uniform(2, 32, 2, 16, 32, LmShape.Positions.LEARNED);
            UserInputException error = assertThrows(UserInputException.class, () -> ModelFile.read(file, manager, wider));
            assertEquals("'" + file + "' holds a model of shape 2 layers, d_model 16, 2 heads, context 16, FFN [32, 32], "
                    + "learned positions; this needs 2 layers, d_model 32, 2 heads, context 16, FFN [32, 32], learned "
                    + "positions", error.getMessage());
        }
    }
}
