package org.submodeluq.matformer.train;

import org.submodeluq.core.UserInputException;

/**
 * How a language model is trained: AdamW with linear warm-up then cosine decay to
 * {@code finalLearningRate * learningRate}, gradients clipped to a global norm, batches of random
 * windows drawn from a stream keyed by the seed and the step (so a resumed run draws the same
 * batches). Every default lives here: {@link #defaults} and the {@code DEFAULT_} constants that
 * command-line help quotes; callers change only what they were given, through the {@code with}
 * methods.
 *
 * @param sampleOneGranularity each step trains one granularity drawn at random instead of all of them
 * @param mixesPerStep Mix'n'Match configurations, each layer's granularity drawn at random, whose losses
 *     join each step's sum beside the granularities', so that a layer also learns to work after layers of
 *     other widths; 0 trains the uniform configurations alone, as the MatFormer paper does
 * @param evalEvery steps between held-out evaluations (and listener reports of them)
 * @param evalBatches held-out batches per evaluation
 * @param checkpointEvery steps between checkpoints, when the trainer has a checkpoint path; 0 for none
 */
public record TrainOptions(int steps, int batchSize, double learningRate, int warmup, double finalLearningRate,
                           double weightDecay, double clipNorm, long seed, boolean sampleOneGranularity,
                           int evalEvery, int evalBatches, int checkpointEvery, int mixesPerStep) {

    /**
     * Steps of {@code matformer train}; with the baselines, about 15 minutes at the default shape
     * (docs/matformer.md).
     */
    public static final int DEFAULT_STEPS = 1000;
    /** Windows per step. */
    public static final int DEFAULT_BATCH = 32;
    /** Peak learning rate, reached after the warm-up; small byte-level models tolerate 3e-3. */
    public static final double DEFAULT_LEARNING_RATE = 3e-3;
    /** Fraction of the peak learning rate the cosine decays to at the last step. */
    public static final double DEFAULT_FINAL_FRACTION = 0.1;
    /** Decoupled weight decay. */
    public static final double DEFAULT_WEIGHT_DECAY = 0.01;
    /** Largest global gradient norm before clipping. */
    public static final double DEFAULT_CLIP_NORM = 1.0;
    /** Held-out batches per evaluation. */
    public static final int DEFAULT_EVAL_BATCHES = 16;
    /** Longest warm-up, in steps; shorter runs warm up for a tenth of their steps. */
    public static final int MAX_WARMUP = 100;

    public TrainOptions {
        UserInputException.require(steps >= 1, "steps", steps, "an integer >= 1");
        UserInputException.require(batchSize >= 1, "batch", batchSize, "an integer >= 1");
        UserInputException.require(warmup >= 0, "warmup", warmup, "an integer >= 0");
        UserInputException.require(mixesPerStep >= 0, "mixesPerStep", mixesPerStep, "an integer >= 0");
        UserInputException.require(evalEvery >= 1, "evalEvery", evalEvery, "an integer >= 1");
        UserInputException.require(evalBatches >= 1, "evalBatches", evalBatches, "an integer >= 1");
        UserInputException.require(checkpointEvery >= 0, "checkpointEvery", checkpointEvery, "an integer >= 0");
        UserInputException.require(learningRate > 0, "lr", learningRate, "> 0");
        UserInputException.require(finalLearningRate >= 0 && finalLearningRate <= 1, "finalLearningRate",
                finalLearningRate, "a fraction in [0, 1]");
        UserInputException.require(weightDecay >= 0, "weightDecay", weightDecay, ">= 0");
        UserInputException.require(clipNorm > 0, "clipNorm", clipNorm, "> 0");
    }

    /**
     * Defaults for the small models this machine trains: the {@code DEFAULT_} constants, a warm-up of a
     * tenth of the run (at most {@link #MAX_WARMUP}), and an evaluation and a checkpoint every tenth.
     */
    public static TrainOptions defaults(int steps, long seed) {
        int tenth = Math.max(1, steps / 10);
        return new TrainOptions(steps, DEFAULT_BATCH, DEFAULT_LEARNING_RATE, Math.min(MAX_WARMUP, steps / 10),
                DEFAULT_FINAL_FRACTION, DEFAULT_WEIGHT_DECAY, DEFAULT_CLIP_NORM, seed, false, tenth,
                DEFAULT_EVAL_BATCHES, tenth, 0);
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

    /**
     * The record's text, which model files record as part of their identity; {@code mixesPerStep}
     * appears only when it is not 0, so that files trained before the option existed stay valid.
     */
    @Override
    public String toString() {
        return "TrainOptions[steps=" + steps + ", batchSize=" + batchSize + ", learningRate=" + learningRate
                + ", warmup=" + warmup + ", finalLearningRate=" + finalLearningRate + ", weightDecay=" + weightDecay
                + ", clipNorm=" + clipNorm + ", seed=" + seed + ", sampleOneGranularity=" + sampleOneGranularity
                + ", evalEvery=" + evalEvery + ", evalBatches=" + evalBatches + ", checkpointEvery=" + checkpointEvery
                + (mixesPerStep == 0 ? "" : ", mixesPerStep=" + mixesPerStep) + "]";
    }

    public TrainOptions withBatchSize(int size) {
        return new TrainOptions(steps, size, learningRate, warmup, finalLearningRate, weightDecay, clipNorm, seed,
                sampleOneGranularity, evalEvery, evalBatches, checkpointEvery, mixesPerStep);
    }

    public TrainOptions withLearningRate(double rate) {
        return new TrainOptions(steps, batchSize, rate, warmup, finalLearningRate, weightDecay, clipNorm, seed,
                sampleOneGranularity, evalEvery, evalBatches, checkpointEvery, mixesPerStep);
    }

    public TrainOptions withSampleOneGranularity(boolean sample) {
        return new TrainOptions(steps, batchSize, learningRate, warmup, finalLearningRate, weightDecay, clipNorm, seed,
                sample, evalEvery, evalBatches, checkpointEvery, mixesPerStep);
    }

    public TrainOptions withMixesPerStep(int mixes) {
        return new TrainOptions(steps, batchSize, learningRate, warmup, finalLearningRate, weightDecay, clipNorm, seed,
                sampleOneGranularity, evalEvery, evalBatches, checkpointEvery, mixes);
    }

    public TrainOptions withEvalEvery(int every) {
        return new TrainOptions(steps, batchSize, learningRate, warmup, finalLearningRate, weightDecay, clipNorm, seed,
                sampleOneGranularity, every, evalBatches, checkpointEvery, mixesPerStep);
    }

    public TrainOptions withCheckpointEvery(int every) {
        return new TrainOptions(steps, batchSize, learningRate, warmup, finalLearningRate, weightDecay, clipNorm, seed,
                sampleOneGranularity, evalEvery, evalBatches, every, mixesPerStep);
    }
}
