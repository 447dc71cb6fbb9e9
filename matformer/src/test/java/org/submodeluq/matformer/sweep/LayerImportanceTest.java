package org.submodeluq.matformer.sweep;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.submodeluq.matformer.data.Batch;
import org.submodeluq.matformer.data.MarkovSource;
import org.submodeluq.matformer.data.Windows;
import org.submodeluq.matformer.model.LmShape;
import org.submodeluq.matformer.model.MatLm;
import org.submodeluq.matformer.model.MixConfig;
import org.submodeluq.matformer.model.TransformerLm;
import org.submodeluq.matformer.train.Losses;

/** A layer's importance is the held-out loss its narrowing adds, and the order follows it. */
class LayerImportanceTest {

    @Test
    void eachIncreaseIsTheLossOfThatLayerNarrowedMinusTheLargestModelsLoss() {
        try (NDManager manager = NDManager.newBaseManager()) {
            LmShape shape = LmShape.uniform(3, 16, 2, 16, 32, LmShape.Positions.LEARNED);
            TransformerLm lm = TransformerLm.initialised(manager, shape, RandomSource.XO_RO_SHI_RO_128_PP.create(4L));
            MatLm model = new MatLm(lm, MatLm.defaultWidths(32));
            List<Batch> batches = new Windows(MarkovSource.random(6, 0.5, 3).generate(2_000, 1), 16).evaluation(8, 4);
            LayerImportance importance = LayerImportance.of(model, batches);
            double largest = Losses.heldOut(lm, model.hidden(model.largest()), batches);
            double[] expected = {Losses.heldOut(lm, new int[] {4, 32, 32}, batches) - largest,
                    Losses.heldOut(lm, new int[] {32, 4, 32}, batches) - largest,
                    Losses.heldOut(lm, model.hidden(new MixConfig(new int[] {3, 3, 0})), batches) - largest};
            assertAll(
                    () -> assertEquals(expected[0], importance.increase().get(0).mean(), 1e-5,
                            "the mean of 4 equal batch means of 8 windows is the mean of the 32 windows"),
                    () -> assertEquals(expected[1], importance.increase().get(1).mean(), 1e-5),
                    () -> assertEquals(expected[2], importance.increase().get(2).mean(), 1e-5),
                    () -> assertArrayEquals(IntStream.range(0, 3).boxed()
                            .sorted(Comparator.comparingDouble(l -> -expected[l])).mapToInt(l -> l).toArray(),
                            importance.order(), Arrays.toString(expected)));
        }
    }

    @Test
    void theOrderRunsFromTheLargestIncreaseToTheSmallest() {
        LayerImportance importance = new LayerImportance(List.of(new Estimate(0.01, 0.001), new Estimate(0.2, 0.01),
                new Estimate(-0.003, 0.001), new Estimate(0.05, 0.002)));
        assertArrayEquals(new int[] {1, 3, 0, 2}, importance.order());
    }
}
