package org.submodeluq.matformer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.submodeluq.matformer.data.MarkovSource;
import org.submodeluq.matformer.data.Windows;
import org.submodeluq.matformer.model.LmShape;
import org.submodeluq.matformer.model.MatLm;
import org.submodeluq.matformer.model.TransformerLm;

/** The sampled variant trains exactly one granularity per step, each of them over a run. */
class GranularitySamplingTest {

    @Test
    void eachStepTrainsOneGranularityAndEveryOneGetsItsTurn() {
        MarkovSource source = MarkovSource.random(6, 0.5, 3);
        int[] counts = new int[4];
        try (NDManager manager = NDManager.newBaseManager()) {
            MatLm model = new MatLm(TransformerLm.initialised(manager, LmShape.uniform(1, 16, 2, 16, 32,
                    LmShape.Positions.LEARNED), RandomSource.XO_RO_SHI_RO_128_PP.create(1L)), MatLm.defaultWidths(32));
            new MatTrainer(model, new Windows(source.generate(5_000, 1), 16),
                    new Windows(source.generate(1_000, 2), 16).evaluation(4, 1),
                    TrainOptions.defaults(40, 2).withSampleOneGranularity(true), null).train(new TrainingListener() {
                        @Override
                        public void step(int step, int total, double[] losses) {
                            long trained = Arrays.stream(losses).filter(l -> !Double.isNaN(l)).count();
                            assertEquals(1, trained, "step " + step + ": " + Arrays.toString(losses));
                            for (int g = 0; g < losses.length; g++) {
                                counts[g] += Double.isNaN(losses[g]) ? 0 : 1;
                            }
                        }
                    });
        }
        assertEquals(40, Arrays.stream(counts).sum());
        assertEquals(0, Arrays.stream(counts).filter(c -> c < 4).count(), "each granularity trained: "
                + Arrays.toString(counts));
    }
}
