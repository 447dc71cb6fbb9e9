package org.submodeluq.matformer.encoder;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.core.UserInputException;
import org.submodeluq.matformer.model.LmShape;
import org.submodeluq.matformer.model.MatLm;
import org.submodeluq.matformer.model.ModelFile;
import org.submodeluq.matformer.model.TransformerLm;
import org.submodeluq.matformer.train.TrainOptions;
import org.submodeluq.matformer.train.TrainingListener;

/** Extraction is exact, files round-trip, costs are counted right, and bad input gets one clear line. */
class TraceEncoderTest {

    private static final EncoderShape SHAPE = EncoderShape.uniform(ClusteredTraces.CHANNELS, ClusteredTraces.STEPS,
            4, 3, 32, 4, 64, 16);

    private static TraceEncoder encoder(NDManager manager, TraceSet runs) {
        return TraceEncoder.initialised(manager, SHAPE, MatLm.defaultWidths(64), ChannelScaling.of(runs),
                RandomSource.XO_RO_SHI_RO_128_PP.create(2L));
    }

    private static double maxDifference(float[][] a, float[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return max;
    }

    @Test
    void anExtractedEncoderGivesTheNestedEmbeddings() {
        TraceSet runs = new ClusteredTraces(3, 1L).runs(4, 2L);
        try (NDManager manager = NDManager.newBaseManager()) {
            TraceEncoder nested = encoder(manager, runs);
            for (int g = 0; g < nested.granularities(); g++) {
                TraceEncoder extracted = nested.extract(g, manager);
                double difference = maxDifference(nested.embed(runs, g), extracted.embed(runs, 0));
                long counted = extracted.parameterList().stream().mapToLong(p -> p.getShape().size()).sum();
                int granularity = g;
                assertAll(() -> assertTrue(difference <= 1e-6, "granularity " + granularity + ": max |difference| "
                                + difference),
                        () -> assertEquals(counted, nested.parameterCount(granularity), "parameter count formula"),
                        () -> assertEquals(nested.flops(granularity), extracted.flops(0), "FLOPs"));
            }
        }
    }

    @Test
    void aSavedEncoderEmbedsTheSameBits(@TempDir Path directory) {
        TraceSet runs = new ClusteredTraces(3, 1L).runs(4, 2L);
        Path file = directory.resolve("encoder.h5");
        try (NDManager manager = NDManager.newBaseManager()) {
            TraceEncoder trained = encoder(manager, runs);
            new EncoderTrainer(trained, runs, TrainOptions.defaults(3, 1L).withBatchSize(4), Views.defaults(),
                    InfoNce.DEFAULT_TEMPERATURE).train(new TrainingListener() { });
            EncoderFile.write(file, trained, Map.of("training_steps", 3L));
            TraceEncoder read = EncoderFile.read(file, manager);
            assertAll(() -> assertEquals(SHAPE, read.shape()),
                    () -> assertArrayEquals(trained.granularityWidths(), read.granularityWidths()),
                    () -> assertArrayEquals(trained.scaling().scale(), read.scaling().scale()),
                    () -> assertEquals(0.0, maxDifference(trained.embed(runs, 1), read.embed(runs, 1))),
                    () -> assertEquals(3L, EncoderFile.attribute(file, "training_steps")));
        }
    }

    @Test
    void countsParametersAndFlopsOfATinyEncoderByHand() {
        // 2 channels x 4 steps in 2 tokens of 2 steps, 1 layer, d 4, 1 head, FFN 8, embedding 3
        EncoderShape tiny = EncoderShape.uniform(2, 4, 2, 1, 4, 1, 8, 3);
        // patch 4 x 4 + 4, positions 2 x 4; block 4 d + 4 d^2 + 2 d w + w + d = 16 + 64 + 64 + 8 + 4; final 8,
        // projection 12
        assertEquals(20 + 8 + 156 + 8 + 12, tiny.parameterCount());
        // patch 2 T 4 4 = 64; projections 2 T 4 d^2 = 256; scores and values 2 2 T^2 d = 64; FFN 2 T 2 d w = 256;
        // projection 2 d 3 = 24
        assertEquals(64 + 256 + 64 + 256 + 24, tiny.flops());
    }

    @Test
    void rejectsBadInputWithOneClearLine(@TempDir Path directory) {
        TraceSet runs = new ClusteredTraces(2, 1L).runs(2, 2L);
        try (NDManager manager = NDManager.newBaseManager()) {
            TraceEncoder encoder = encoder(manager, runs);
            TraceSet otherZone = new TraceSet(4, ClusteredTraces.STEPS, new double[][] {new double[4 * 40]});
            Path decoder = directory.resolve("decoder.h5");
            LmShape lmShape = LmShape.uniform(1, 8, 2, 4, 8, LmShape.Positions.LEARNED);
            ModelFile.write(decoder, TransformerLm.initialised(manager, lmShape,
                    RandomSource.XO_RO_SHI_RO_128_PP.create(1L)), new int[0], Map.of(), Map.of());
            assertAll(
                    () -> assertEquals("traces of 4 channels x 40 steps; this encoder reads 6 x 40 (3 cut-boundary "
                            + "nodes)", assertThrows(UserInputException.class, () -> encoder.embed(otherZone, 0))
                            .getMessage()),
                    () -> assertEquals("traces: run 0 has 3 values; 6 channels x 40 steps need 240",
                            assertThrows(UserInputException.class, () -> new TraceSet(6, 40,
                                    new double[][] {new double[3]})).getMessage()),
                    () -> assertEquals("traces: no runs (an empty set of 6 x 40 traces): the encoder needs at least "
                            + "one", assertThrows(UserInputException.class, () -> new TraceSet(6, 40,
                            new double[0][])).getMessage()),
                    () -> assertEquals("granularity 4 does not exist; this encoder has granularities 0 to 3 (hidden "
                            + "widths [8, 16, 32, 64])", assertThrows(UserInputException.class,
                            () -> encoder.embed(runs, 4)).getMessage()),
                    () -> assertEquals("patch = 7 is not allowed: must be an integer >= 1 that divides the 40 time "
                            + "steps", assertThrows(UserInputException.class,
                            () -> EncoderShape.uniform(6, 40, 7, 1, 8, 2, 8, 4)).getMessage()),
                    () -> assertEquals("contrastive training needs at least 2 runs (each run's views are the others' "
                            + "negatives); got 1", assertThrows(UserInputException.class,
                            () -> new EncoderTrainer(encoder, runs.select(new int[] {0}), TrainOptions.defaults(1, 0L),
                                    Views.defaults(), 0.1)).getMessage()),
                    () -> assertEquals("k = 5 is not allowed: must be between 1 and the 4 runs of the index",
                            assertThrows(UserInputException.class, () -> new RetrievalStudy(encoder, runs, 5, 5, 1))
                                    .getMessage()),
                    () -> assertTrue(assertThrows(UserInputException.class, () -> EncoderFile.read(decoder, manager))
                            .getMessage().endsWith("is not a submodel-uq MatFormer encoder (format attribute: "
                                    + "submodel-uq/matformer-model)")));
        }
    }
}
