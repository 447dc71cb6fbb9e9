package org.submodeluq.matformer.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.submodeluq.matformer.data.MarkovSource;
import org.submodeluq.matformer.data.Windows;
import org.submodeluq.matformer.model.LmShape;
import org.submodeluq.matformer.model.MatLm;
import org.submodeluq.matformer.model.TransformerLm;

/**
 * Joint training learns a source of known entropy rate at every granularity, the smallest included. Slow:
 * 200 steps of four granularities, 10 to 11 s on two shared cores.
 */
@Tag("slow")
class LearningTest {

    @Test
    void everyGranularityEndsWithinTenPercentOfTheEntropyRate() {
        MarkovSource source = MarkovSource.random(8, 0.5, 11);
        Windows train = new Windows(source.generate(200_000, 1), 32);
        Windows heldOut = new Windows(source.generate(20_000, 2), 32);
        LmShape shape = LmShape.uniform(2, 32, 2, 32, 64, LmShape.Positions.LEARNED);
        try (NDManager manager = NDManager.newBaseManager()) {
            MatLm model = new MatLm(TransformerLm.initialised(manager, shape,
                    RandomSource.XO_RO_SHI_RO_128_PP.create(5L)), MatLm.defaultWidths(64));
            long start = System.nanoTime();
            double[] losses = new MatTrainer(model, train, heldOut.evaluation(32, 8), TrainOptions.defaults(200, 3),
                    null).train(TrainingListener.SILENT);
            double bound = source.entropyRate();
            System.out.printf("entropy rate %.4f nats/byte; held-out losses %s after 200 joint steps (%.1f s)%n",
                    bound, java.util.Arrays.toString(losses), (System.nanoTime() - start) / 1e9);
            for (int g = 0; g < losses.length; g++) {
                assertTrue(losses[g] <= 1.1 * bound, "granularity " + g + ": loss " + losses[g] + ", bound " + bound);
                assertTrue(losses[g] >= bound - 0.02, "no model beats the entropy rate by more than noise: " + losses[g]);
            }
        }
    }
}
