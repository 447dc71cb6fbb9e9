package org.submodeluq.matformer.train;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.submodeluq.matformer.data.MarkovSource;
import org.submodeluq.matformer.data.Windows;
import org.submodeluq.matformer.model.LmShape;
import org.submodeluq.matformer.model.MatLm;
import org.submodeluq.matformer.model.TransformerLm;

/** Random Mix'n'Match configurations join a step's loss when asked, reproducibly, and never a plain model's. */
class MixTrainingTest {

    private static final MarkovSource SOURCE = MarkovSource.random(6, 0.5, 3);

    /** The first layer's feed-forward input weights after three steps with {@code mixes} mixes per step. */
    private static float[] trained(int[] widths, int mixes) {
        try (NDManager manager = NDManager.newBaseManager()) {
            LmShape shape = LmShape.uniform(2, 16, 2, 16, widths[widths.length - 1], LmShape.Positions.LEARNED);
            MatLm model = new MatLm(TransformerLm.initialised(manager, shape, RandomSource.XO_RO_SHI_RO_128_PP.create(1L)),
                    widths);
            new MatTrainer(model, new Windows(SOURCE.generate(5_000, 1), 16),
                    new Windows(SOURCE.generate(1_000, 2), 16).evaluation(4, 1),
                    TrainOptions.defaults(3, 2).withMixesPerStep(mixes), null).train(TrainingListener.SILENT);
            return model.transformer().parameters().get("0.w1").toFloatArray();
        }
    }

    @Test
    void mixesChangeTheUpdateReproduciblyAndLeaveAPlainModelAlone() {
        int[] nested = MatLm.defaultWidths(32);
        float[] uniformOnly = trained(nested, 0);
        float[] withMixes = trained(nested, 2);
        assertAll(
                () -> assertFalse(Arrays.equals(uniformOnly, withMixes), "two mixes per step add to the gradient"),
                () -> assertArrayEquals(withMixes, trained(nested, 2), "the same seed draws the same mixes"),
                () -> assertArrayEquals(trained(new int[] {32}, 0), trained(new int[] {32}, 2),
                        "a plain model has no mixes to draw"));
    }
}
