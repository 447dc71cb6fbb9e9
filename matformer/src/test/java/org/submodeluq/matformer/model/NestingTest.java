package org.submodeluq.matformer.model;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.submodeluq.core.UserInputException;

/** Nested granularities are exact: extraction changes no logit, and a small granularity reads no other weight. */
class NestingTest {

    private static final LmShape SHAPE = LmShape.uniform(3, 32, 4, 16, 64, LmShape.Positions.LEARNED);

    private static MatLm model(NDManager manager) {
        return new MatLm(TransformerLm.initialised(manager, SHAPE, RandomSource.XO_RO_SHI_RO_128_PP.create(3L)),
                MatLm.defaultWidths(64));
    }

    private static NDArray tokens(NDManager manager) {
        long[] bytes = "nested models!!!nested transformers".chars().limit(32).asLongStream().toArray();
        return manager.create(bytes, new Shape(2, 16));
    }

    private static double maxDifference(NDArray a, NDArray b) {
        return a.sub(b).abs().max().getFloat();
    }

    @Test
    void anExtractedModelGivesTheNestedModelsLogits() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MatLm nested = model(manager);
            for (MixConfig config : List.of(new MixConfig(new int[] {0, 0, 0}), new MixConfig(new int[] {0, 2, 3}),
                    new MixConfig(new int[] {3, 1, 0}), new MixConfig(new int[] {3, 3, 3}))) {
                TransformerLm extracted = nested.extract(config, manager);
                NDArray expected = nested.logits(tokens(manager), config);
                NDArray actual = extracted.forward(tokens(manager), extracted.fullWidths(), null);
                double difference = maxDifference(expected, actual);
                assertTrue(difference <= 1e-5, config + ": max |logit difference| " + difference);
                assertEquals(nested.parameterCount(config), extracted.shape().parameterCount());
                long counted = extracted.parameterList().stream().mapToLong(p -> p.getShape().size()).sum();
                assertEquals(counted, extracted.shape().parameterCount(), "parameter count formula");
            }
        }
    }

    @Test
    void theSmallestGranularityNeverReadsTheOtherNeurons() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MatLm nested = model(manager);
            MixConfig smallest = MixConfig.uniform(3, 0);
            NDArray before = nested.logits(tokens(manager), smallest);
            NDArray full = nested.logits(tokens(manager), MixConfig.uniform(3, 3));
            for (int l = 0; l < 3; l++) {
                NDArray w1 = nested.transformer().parameters().get(l + ".w1");
                NDArray w2 = nested.transformer().parameters().get(l + ".w2");
                w1.set(new NDIndex(":, 8:"), manager.randomNormal(new Shape(32, 56)));
                w2.set(new NDIndex("8:, :"), manager.randomNormal(new Shape(56, 32)));
                nested.transformer().parameters().get(l + ".b1").set(new NDIndex("8:"), manager.randomNormal(
                        new Shape(56)));
            }
            NDArray after = nested.logits(tokens(manager), smallest);
            NDArray fullAfter = nested.logits(tokens(manager), MixConfig.uniform(3, 3));
            assertAll(
                    () -> assertEquals(0.0, maxDifference(before, after), 0.0),
                    () -> assertTrue(maxDifference(full, fullAfter) > 1e-2, "the full width does read them: "
                            + maxDifference(full, fullAfter)));
        }
    }

    @Test
    void aConfigurationOfTheWrongLengthOrGranularityIsRefused() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MatLm nested = model(manager);
            UserInputException length = assertThrows(UserInputException.class,
                    () -> nested.logits(tokens(manager), MixConfig.parse("0,1")));
            UserInputException granularity = assertThrows(UserInputException.class,
                    () -> nested.logits(tokens(manager), MixConfig.parse("0,4,1")));
            assertAll(
                    () -> assertEquals("configuration 0,1 has 2 layers; the model has 3", length.getMessage()),
                    () -> assertEquals("configuration 0,4,1: granularity 4 does not exist; this model has "
                            + "granularities 0 to 3 (hidden widths [8, 16, 32, 64])", granularity.getMessage()));
        }
    }
}
