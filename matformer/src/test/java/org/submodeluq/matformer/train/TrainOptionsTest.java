package org.submodeluq.matformer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The defaults are what {@code matformer train} has always recorded, so its earlier files stay valid. */
class TrainOptionsTest {

    @Test
    void theDefaultsAreTheOptionsEarlierModelFilesRecorded() {
        assertEquals("TrainOptions[steps=1000, batchSize=32, learningRate=0.003, warmup=100, finalLearningRate=0.1, "
                + "weightDecay=0.01, clipNorm=1.0, seed=0, sampleOneGranularity=false, evalEvery=100, evalBatches=16, "
                + "checkpointEvery=100]", TrainOptions.defaults(1000, 0).toString(),
                "matformer train's options before TrainOptions.defaults held them (new TrainOptions(steps, 32, 3e-3, "
                        + "min(100, steps / 10), 0.1, 0.01, 1.0, seed, false, max(1, steps / 10), 16, "
                        + "max(1, steps / 10))): the identity its model files record");
    }
}
