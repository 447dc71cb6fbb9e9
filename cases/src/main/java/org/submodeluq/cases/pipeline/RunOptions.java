package org.submodeluq.cases.pipeline;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.submodeluq.core.UserInputException;

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

    public RunOptions {
        if (runs < 20 || split.length != 3 || ganIterations < 1 || mcSamples < 10 || (bootstrap != 0 && bootstrap < 100)
                || threads < 1) {
            throw new UserInputException("run needs --runs >= 20, three --split shares, --iterations >= 1, "
                    + "--samples >= 10, --bootstrap 0 or >= 100 and --threads >= 1");
        }
        split = split.clone();
    }

    /**
     * The standard sizes: 300 training runs, as the generators' defaults were tuned on, and a test split
     * of 1600 runs, so that the comparison's reference is sharper than what it judges.
     */
    public static RunOptions standard(String python, int threads) {
        return new RunOptions(2000, new double[] {0.15, 0.05, 0.8}, 0, FullSolvers.Request.auto, fenics(python), 2000,
                4000, 500, threads);
    }

    /** The smoke-run sizes: 60 training and 120 test runs. */
    public static RunOptions quick(String python, int threads) {
        return new RunOptions(200, new double[] {0.3, 0.1, 0.6}, 0, FullSolvers.Request.auto, fenics(python), 300,
                500, 200, threads);
    }

    private static FullSolvers.FenicsOptions fenics(String python) {
        return new FullSolvers.FenicsOptions(python, Duration.ofSeconds(600), 2);
    }

    /** The options as "key = value" lines, for stages.h5 and the report. */
    public String text() {
        return String.format(Locale.ROOT, "runs = %d%nsplit = %s%nseed = %d%nsolver = %s%ngan_iterations = %d%n"
                        + "mc_samples = %d%nbootstrap = %d%nthreads = %d%n", runs, Arrays.toString(split), seed, solver,
                ganIterations, mcSamples, bootstrap, threads);
    }
}
