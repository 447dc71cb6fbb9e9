package org.submodeluq.surrogate.regression;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Gaussian-process regression of one output, the model of scikit-learn's {@code GaussianProcessRegressor(
 * ConstantKernel * RBF(ard) + WhiteKernel, normalize_y=True)} in the prototype mean map
 * (docs/mean-map-study/maps.py). Outputs are normalised by their training mean and standard deviation
 * (population, 1 where it is 0); on them the covariance is k(x, x') = s2 exp(-0.5 sum_j ((x_j - x'_j) /
 * l_j)^2), plus noise and a jitter of 1e-10 (scikit-learn's default alpha) on the training diagonal only. The
 * prediction is the posterior mean, un-normalised.
 *
 * <p>{@link #fit} maximises the log marginal likelihood over log s2, log l_j and log noise from fixed
 * starting values, without restarts, so it is deterministic, and then builds the model with {@link #of}:
 * a model file needs only the inputs, outputs and {@link #hyperparameters()}.
 */
public final class GaussianProcess {

    /**
     * The training inputs x_ij by dimension j, then point i, so that predicting sums the exponents of all
     * points a dimension at a time in vectorised passes, before the exponentials.
     */
    private final double[][] coordinates;
    private final Hyperparameters hyperparameters;
    /** 1 / l_j^2. */
    private final double[] inverseSquares;
    private final double outputMean;
    private final double outputScale;
    /** K^-1 y of the normalised outputs. */
    private final double[] weights;
    private final double logMarginalLikelihood;

    private GaussianProcess(double[][] coordinates, Hyperparameters hyperparameters, double outputMean,
                            double outputScale, double[] weights, double logMarginalLikelihood) {
        this.coordinates = coordinates;
        this.hyperparameters = hyperparameters;
        inverseSquares = Arrays.stream(hyperparameters.lengthScales()).map(l -> 1 / (l * l)).toArray();
        this.outputMean = outputMean;
        this.outputScale = outputScale;
        this.weights = weights;
        this.logMarginalLikelihood = logMarginalLikelihood;
    }

    /** Fits with {@link GaussianProcessOptions#DEFAULTS}. */
    public static GaussianProcess fit(double[][] x, double[] y) {
        return fit(x, y, GaussianProcessOptions.DEFAULTS);
    }

    /**
     * Fits the hyperparameters by maximising the log marginal likelihood with its analytic gradient,
     * by projected L-BFGS in log-parameter space within the options' bounds. Where the iterations run out,
     * the best point so far is kept, as scikit-learn does (with a warning there).
     *
     * @param x n points of d inputs
     * @param y n outputs
     */
    public static GaussianProcess fit(double[][] x, double[] y, GaussianProcessOptions options) {
        requireShapes(x, y);
        int parameters = x[0].length + 2;
        double[] lower = logRanges(options, parameters, GaussianProcessOptions.Range::lower);
        double[] upper = logRanges(options, parameters, GaussianProcessOptions.Range::upper);
        double[] start = logRanges(options, parameters, GaussianProcessOptions.Range::start);
        MarginalLikelihood likelihood = likelihood(x, y);
        ProjectedLbfgs optimiser = new ProjectedLbfgs(lower, upper, options.maxIterations(),
                options.gradientTolerance(), options.valueTolerance());
        ProjectedLbfgs.Minimum best = optimiser.minimise(new ProjectedLbfgs.Objective() {
            @Override
            public double value(double[] logTheta) {
                return -likelihood.evaluate(fromLog(logTheta), null, null);
            }

            @Override
            public void gradient(double[] gradient) {
                likelihood.gradient(gradient);
                for (int i = 0; i < gradient.length; i++) {
                    gradient[i] = -gradient[i];
                }
            }
        }, start);
        return of(x, y, fromLog(best.point()));
    }

    /**
     * The model at given hyperparameters, without fitting; {@code of(x, y, fit(x, y).hyperparameters())}
     * predicts bit for bit as the fitted model.
     *
     * @throws IllegalArgumentException where the training covariance is not numerically positive definite
     */
    public static GaussianProcess of(double[][] x, double[] y, Hyperparameters h) {
        requireShapes(x, y);
        if (h.dimensions() != x[0].length) {
            throw new IllegalArgumentException("hyperparameters have " + h.dimensions()
                    + " length scales for inputs of dimension " + x[0].length);
        }
        double[] weights = new double[y.length];
        double logMarginalLikelihood = likelihood(x, y).evaluate(h, weights, null);
        if (logMarginalLikelihood == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("the training covariance is not positive definite at " + h);
        }
        double[][] coordinates = new double[h.dimensions()][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < coordinates.length; j++) {
                coordinates[j][i] = x[i][j];
            }
        }
        return new GaussianProcess(coordinates, h, mean(y), scale(y), weights, logMarginalLikelihood);
    }

    /** The posterior mean at x. */
    public double predict(double[] x) {
        return posteriorMean(x, new double[weights.length]);
    }

    /** The posterior mean at each row of x; allocates only the result and one work vector of n. */
    public double[] predict(double[][] x) {
        double[] exponents = new double[weights.length];
        double[] means = new double[x.length];
        for (int point = 0; point < x.length; point++) {
            means[point] = posteriorMean(x[point], exponents);
        }
        return means;
    }

    /**
     * s2 sum_i exp(-0.5 sum_j (x_j - x_ij)^2 / l_j^2) K^-1 y_i, un-normalised, with {@code exponents} as work
     * space.
     */
    private double posteriorMean(double[] x, double[] exponents) {
        if (x.length != coordinates.length) {
            throw new IllegalArgumentException("a point of dimension " + x.length + " for a model of dimension "
                    + coordinates.length);
        }
        Arrays.fill(exponents, 0);
        for (int j = 0; j < coordinates.length; j++) {
            double[] training = coordinates[j];
            double xj = x[j];
            double inverseSquare = inverseSquares[j];
            for (int i = 0; i < exponents.length; i++) {
                double difference = xj - training[i];
                exponents[i] += difference * difference * inverseSquare;
            }
        }
        double sum = 0;
        for (int i = 0; i < exponents.length; i++) {
            sum += Math.exp(-0.5 * exponents[i]) * weights[i];
        }
        return outputMean + outputScale * hyperparameters.signalVariance() * sum;
    }

    public Hyperparameters hyperparameters() {
        return hyperparameters;
    }

    /** Of the normalised training outputs at {@link #hyperparameters()}, as scikit-learn reports it. */
    public double logMarginalLikelihood() {
        return logMarginalLikelihood;
    }

    /** The log marginal likelihood of the normalised outputs y at x. */
    static MarginalLikelihood likelihood(double[][] x, double[] y) {
        return new MarginalLikelihood(x, normalised(y));
    }

    private static void requireShapes(double[][] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException(x.length + " input points and " + y.length
                    + " outputs: need as many of each, at least 2");
        }
        int dimensions = x[0].length;
        for (double[] point : x) {
            if (point.length != dimensions || dimensions == 0) {
                throw new IllegalArgumentException("input points of dimensions " + dimensions + " and "
                        + point.length + ": all need the same dimension, at least 1");
            }
        }
    }

    private static double[] logRanges(GaussianProcessOptions options, int parameters,
                                      ToDoubleFunction<GaussianProcessOptions.Range> end) {
        double[] values = new double[parameters];
        Arrays.fill(values, Math.log(end.applyAsDouble(options.lengthScale())));
        values[0] = Math.log(end.applyAsDouble(options.signalVariance()));
        values[parameters - 1] = Math.log(end.applyAsDouble(options.noise()));
        return values;
    }

    private static Hyperparameters fromLog(double[] logTheta) {
        return Hyperparameters.fromArray(Arrays.stream(logTheta).map(Math::exp).toArray());
    }

    private static double[] normalised(double[] y) {
        double mean = mean(y);
        double scale = scale(y);
        return Arrays.stream(y).map(value -> (value - mean) / scale).toArray();
    }

    private static double mean(double[] y) {
        return Arrays.stream(y).sum() / y.length;
    }

    /** The population standard deviation, 1 where it is 0 (scikit-learn's _handle_zeros_in_scale). */
    private static double scale(double[] y) {
        double mean = mean(y);
        double variance = Arrays.stream(y).map(value -> (value - mean) * (value - mean)).sum() / y.length;
        return variance == 0 ? 1 : Math.sqrt(variance);
    }
}
