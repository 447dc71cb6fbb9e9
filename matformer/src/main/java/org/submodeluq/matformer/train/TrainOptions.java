package org.submodeluq.matformer.train;

import org.submodeluq.core.UserInputException;

/**
 * How a language model is trained: AdamW with linear warm-up then cosine decay to
 * {@code finalLearningRate * learningRate}, gradients clipped to a global norm, batches of random
 * windows drawn from a stream keyed by the seed and the step (so a resumed run draws the same
 * batches).
 *
 * @param sampleOneGranularity each step trains one granularity drawn at random instead of all of them
 * @param evalEvery steps between held-out evaluations (and listener reports of them)
 * @param evalBatches held-out batches per evaluation
 * @param checkpointEvery steps between checkpoints; 0 for none
 */
public record TrainOptions(int steps, int batchSize, double learningRate, int warmup, double finalLearningRate,
                           double weightDecay, double clipNorm, long seed, boolean sampleOneGranularity,
                           int evalEvery, int evalBatches, int checkpointEvery) {

    public TrainOptions {
        if (steps < 1 || batchSize < 1 || warmup < 0 || evalEvery < 1 || evalBatches < 1 || checkpointEvery < 0) {
            throw new UserInputException("training options: steps, batch size, eval interval and eval batches must be "
                    + ">= 1, warm-up and checkpoint interval >= 0");
        }
        if (!(learningRate > 0) || !(finalLearningRate >= 0 && finalLearningRate <= 1) || weightDecay < 0
                || !(clipNorm > 0)) {
            throw new UserInputException("training options: learning rate > 0, final fraction in [0, 1], weight decay "
                    + ">= 0 and clip norm > 0 are needed");
        }
    }

    /** Defaults for the small models this machine trains. */
    public static TrainOptions defaults(int steps, long seed) {
        return new TrainOptions(steps, 32, 3e-3, Math.min(100, steps / 10), 0.1, 0.01, 1.0, seed, false,
                Math.max(1, steps / 10), 8, 0);
    }

    /** The learning rate at step t (0-based); StrictMath, so that it is the same bits before and after JIT compilation. */
    public double learningRateAt(int step) {
        if (step < warmup) {
            return learningRate * (step + 1) / warmup;
        }
        double progress = (double) (step - warmup) / Math.max(1, steps - warmup);
        double cosine = 0.5 * (1 + StrictMath.cos(Math.PI * progress));
        return learningRate * (finalLearningRate + (1 - finalLearningRate) * cosine);
    }

    public TrainOptions withCheckpointEvery(int every) {
        return new TrainOptions(steps, batchSize, learningRate, warmup, finalLearningRate, weightDecay, clipNorm, seed,
                sampleOneGranularity, evalEvery, evalBatches, every);
    }

    public TrainOptions withSampleOneGranularity(boolean sample) {
        return new TrainOptions(steps, batchSize, learningRate, warmup, finalLearningRate, weightDecay, clipNorm, seed,
                sample, evalEvery, evalBatches, checkpointEvery);
    }
}
