package org.submodeluq.cases.pipeline;

import java.util.Arrays;
import java.util.Locale;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.training.Splits;

/**
 * What {@code run} does at each stage. The standard sizes take about ten minutes on two cores for the
 * embedded case; the quick ones about a minute, for a smoke run.
 *
 * @param runs full runs in the training set
 * @param split shares of the train, validation and test splits
 * @param seed seed of every stage: full-run inputs, training, Monte Carlo noise and bootstrap
 * @param ganIterations WGAN-GP generator updates; validation keeps the best iterate. On the default case
 *                      2000 did as well as train's default of 5000 in less than half the time (best
 *                      validation energy distance 0.308 at iteration 2000, against 0.329 at 1250 of 5000)
 * @param mcSamples Monte Carlo samples per generator
 * @param bootstrap bootstrap resamples of each comparison interval
 * @param threads Java threads or FEniCS workers of the parallel stages; results do not depend on it
 */
public record RunOptions(int runs, double[] split, long seed, FullSolvers.Request solver, FullSolvers.FenicsOptions fenics,
                         int ganIterations, long mcSamples, int bootstrap, int threads) {

    public static final int STANDARD_RUNS = 2000;
    public static final String STANDARD_SPLIT = "0.15,0.05,0.8";
    public static final int STANDARD_ITERATIONS = 2000;
    public static final long STANDARD_SAMPLES = 4000;
    public static final int STANDARD_BOOTSTRAP = 500;
    public static final int QUICK_RUNS = 200;
    public static final String QUICK_SPLIT = "0.3,0.1,0.6";
    public static final int QUICK_ITERATIONS = 300;
    public static final long QUICK_SAMPLES = 500;
    public static final int QUICK_BOOTSTRAP = 200;

    public RunOptions {
        UserInputException.require(runs >= 20, "runs", runs, "an integer >= 20");
        UserInputException.require(split.length == 3, "split", Arrays.toString(split), "three shares: train, validation, test");
        UserInputException.require(ganIterations >= 1, "iterations", ganIterations, "an integer >= 1");
        UserInputException.require(mcSamples >= 10, "samples", mcSamples, "an integer >= 10");
        UserInputException.require(bootstrap == 0 || bootstrap >= 100, "bootstrap", bootstrap, "0 (none) or an integer >= 100");
        UserInputException.require(threads >= 1, "threads", threads, "an integer >= 1");
        try {
            Splits.of(runs, split, seed);
        } catch (UserInputException e) {
            throw e.field().equals("samples") ? e.named("runs") : e;
        }
        split = split.clone();
    }


    /**
     * The standard sizes: 300 training runs, as the generators' defaults were tuned on, and a test split
     * of 1600 runs, so that the comparison's reference is sharper than what it judges.
     */
    public static RunOptions standard(String python, int threads) {
        return new RunOptions(STANDARD_RUNS, shares(STANDARD_SPLIT), 0, FullSolvers.Request.auto,
                FullSolvers.FenicsOptions.defaults(python),
                STANDARD_ITERATIONS, STANDARD_SAMPLES, STANDARD_BOOTSTRAP, threads);
    }

    /** The smoke-run sizes: 60 training and 120 test runs. */
    public static RunOptions quick(String python, int threads) {
        return new RunOptions(QUICK_RUNS, shares(QUICK_SPLIT), 0, FullSolvers.Request.auto,
                FullSolvers.FenicsOptions.defaults(python),
                QUICK_ITERATIONS, QUICK_SAMPLES, QUICK_BOOTSTRAP, threads);
    }

    private static double[] shares(String text) {
        return Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    public RunOptions withRuns(int count) {
        return new RunOptions(count, split, seed, solver, fenics, ganIterations, mcSamples, bootstrap, threads);
    }

    public RunOptions withSplit(double[] shares) {
        return new RunOptions(runs, shares, seed, solver, fenics, ganIterations, mcSamples, bootstrap, threads);
    }

    public RunOptions withSeed(long key) {
        return new RunOptions(runs, split, key, solver, fenics, ganIterations, mcSamples, bootstrap, threads);
    }

    public RunOptions withSolver(FullSolvers.Request request) {
        return new RunOptions(runs, split, seed, request, fenics, ganIterations, mcSamples, bootstrap, threads);
    }

    public RunOptions withGanIterations(int iterations) {
        return new RunOptions(runs, split, seed, solver, fenics, iterations, mcSamples, bootstrap, threads);
    }

    public RunOptions withMcSamples(long samples) {
        return new RunOptions(runs, split, seed, solver, fenics, ganIterations, samples, bootstrap, threads);
    }

    public RunOptions withBootstrap(int resamples) {
        return new RunOptions(runs, split, seed, solver, fenics, ganIterations, mcSamples, resamples, threads);
    }


    /** The options as "key = value" lines, for stages.h5 and the report. */
    public String text() {
        return String.format(Locale.ROOT, "runs = %d%nsplit = %s%nseed = %d%nsolver = %s%ngan_iterations = %d%n"
                        + "mc_samples = %d%nbootstrap = %d%nthreads = %d%n", runs, Arrays.toString(split), seed, solver,
                ganIterations, mcSamples, bootstrap, threads);
    }
}
