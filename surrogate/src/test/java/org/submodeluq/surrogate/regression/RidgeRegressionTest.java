package org.submodeluq.surrogate.regression;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.core.random.KeyedStreams;
import org.submodeluq.core.testing.ReferencePython;

/**
 * Ridge regression and its cross-validated penalty against the prototype's NumPy functions, run on the
 * same folds, with targets narrower than the points and wider (the compressed path).
 */
class RidgeRegressionTest {

    private static final int POINTS = 40;
    private static final int FEATURES = 4;
    private static final int QUERIES = 5;
    /**
     * Features and targets per comparison: targets narrower than the points, wider (compressed), and more
     * features than a fold's 32 fitting points (a rank-deficient SVD, as degree-3 features of 9 inputs).
     */
    private static final int[][] SHAPES = {{FEATURES, 3}, {FEATURES, 300}, {50, 30}};

    /**
     * ridge_fit and ridge_cv_alpha as in docs/mean-map-study/maps.py, with its ALPHAS, on the folds given.
     * Prints the chosen alpha, the relative errors, the intercept my - mf B, B row by row and the
     * predictions at the query features.
     */
    private static final String REFERENCE = """
            import sys
            import numpy as np

            def ridge_fit(F, Y, alpha):
                mf, my = F.mean(0), Y.mean(0)
                Fc = F - mf
                U, s, Vt = np.linalg.svd(Fc, full_matrices=False)
                B = Vt.T @ ((s / (s**2 + alpha))[:, None] * (U.T @ (Y - my)))
                fit = lambda G: my + (G - mf) @ B
                fit.intercept, fit.B = my - mf @ B, B
                return fit

            def ridge_cv_alpha(F, Y, alphas, folds):
                err = []
                for al in alphas:
                    e = 0
                    for tr, te in folds:
                        e += np.sum((ridge_fit(F[tr], Y[tr], al)(F[te]) - Y[te])**2)
                    err.append(e)
                return alphas[int(np.argmin(err))], np.array(err) / np.sum((Y - Y.mean(0))**2)

            ALPHAS = np.logspace(-6, 3, 19)
            data = np.loadtxt(sys.argv[1])
            p, n = int(sys.argv[2]), int(sys.argv[3])
            F, Y, G = data[:n, :p], data[:n, p:], data[n:, :p]
            held_out = [np.array([int(i) for i in part.split(",")]) for part in sys.argv[4].split(";")]
            folds = [(np.setdiff1d(np.arange(n), te), te) for te in held_out]
            alpha, errors = ridge_cv_alpha(F, Y, ALPHAS, folds)
            fit = ridge_fit(F, Y, alpha)
            for line in [[alpha], errors, fit.intercept, *fit.B, *fit(G)]:
                print(",".join(repr(float(v)) for v in line))
            """;

    /**
     * Features uniform in [-1, 1] with the last one close to the first (so the penalty matters); targets
     * 1 + F W + uniform noise of width 2, W uniform in [-1, 1].
     */
    private static double[][] rows(int count, int features, int targets, long index) {
        UniformRandomProvider rng = KeyedStreams.stream(917L, index);
        double[][] weights = new double[features][targets];
        for (double[] row : weights) {
            Arrays.setAll(row, t -> rng.nextDouble(-1, 1));
        }
        double[][] rows = new double[count][features + targets];
        for (double[] row : rows) {
            for (int j = 0; j < features - 1; j++) {
                row[j] = rng.nextDouble(-1, 1);
            }
            row[features - 1] = row[0] + 0.1 * rng.nextDouble(-1, 1);
            for (int t = 0; t < targets; t++) {
                row[features + t] = 1 + 2 * (rng.nextDouble() - 0.5);
                for (int j = 0; j < features; j++) {
                    row[features + t] += row[j] * weights[j][t];
                }
            }
        }
        return rows;
    }

    private static double[][] columns(double[][] rows, int from, int to) {
        return Arrays.stream(rows).map(row -> Arrays.copyOfRange(row, from, to)).toArray(double[][]::new);
    }

    private static double maxAbs(double[]... values) {
        return Arrays.stream(values).flatMapToDouble(Arrays::stream).map(Math::abs).max().orElse(0);
    }

    @Test
    void coefficientsAndCrossValidatedPenaltyEqualTheNumPyPrototypes(@TempDir Path directory) throws IOException {
        for (int[] shape : SHAPES) {
            int p = shape[0];
            int targets = shape[1];
            double[][] training = rows(POINTS, p, targets, 2L * targets);
            double[][] query = rows(QUERIES, p, targets, 2L * targets + 1);
            double[][] features = columns(training, 0, p);
            double[][] y = columns(training, p, p + targets);
            Folds folds = Folds.of(POINTS, 5, 3);
            double[][] expected = reference(directory, training, query, p, folds);

            RidgeCrossValidation validation = RidgeCrossValidation.of(features, y, folds);
            RidgeRegression fit = RidgeRegression.fitCrossValidated(features, y, folds);
            double[][] predicted = fit.predict(columns(query, 0, p));
            double[][] expectedCoefficients = Arrays.copyOfRange(expected, 3, 3 + p);
            double[][] expectedPredictions = Arrays.copyOfRange(expected, 3 + p, expected.length);
            // the same SVD-based formulas (on the compressed targets where d = 300) in other orders: measured
            // 7e-15 relative on the errors (of order 0.5) and 3e-15 of the largest coefficient or prediction;
            // the grids' 10^k may differ in the last bit between Math.pow and NumPy
            assertAll(p + " features, " + targets + " targets",
                    () -> assertEquals(expected[0][0], validation.bestAlpha(), 1e-15 * expected[0][0], "alpha"),
                    () -> assertEquals(validation.bestAlpha(), fit.alpha(), "the fit's alpha"),
                    () -> assertArrayEquals(expected[1], validation.relativeErrors(), 1e-12, "relative errors"),
                    () -> assertArrayEquals(expected[2], fit.intercept(), 1e-12 * maxAbs(expected[2]), "intercept"),
                    () -> assertAll(IntStream.range(0, p).mapToObj(j -> () -> assertArrayEquals(
                            expectedCoefficients[j], fit.coefficients()[j], 1e-12 * maxAbs(expectedCoefficients),
                            "coefficients of feature " + j))),
                    () -> assertAll(IntStream.range(0, QUERIES).mapToObj(i -> () -> assertArrayEquals(
                            expectedPredictions[i], predicted[i], 1e-12 * maxAbs(expectedPredictions),
                            "prediction " + i))));
        }
    }

    private static double[][] reference(Path directory, double[][] training, double[][] query, int features,
                                        Folds folds) throws IOException {
        Path data = directory.resolve("data.txt");
        Files.writeString(data, Arrays.stream(training, 0, training.length).map(RidgeRegressionTest::line)
                .collect(Collectors.joining("\n")) + "\n" + Arrays.stream(query).map(RidgeRegressionTest::line)
                .collect(Collectors.joining("\n")));
        String heldOut = IntStream.range(0, folds.count()).mapToObj(fold -> Arrays.stream(folds.heldOut(fold))
                .mapToObj(Integer::toString).collect(Collectors.joining(","))).collect(Collectors.joining(";"));
        return ReferencePython.run(ReferencePython.require("numpy"), REFERENCE, data.toString(),
                        Integer.toString(features), Integer.toString(POINTS), heldOut)
                .lines().map(line -> Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
    }

    private static String line(double[] row) {
        return Arrays.stream(row).mapToObj(Double::toString).collect(Collectors.joining(" "));
    }

    @Test
    void aStoredFitPredictsAsTheFit() {
        double[][] training = rows(POINTS, FEATURES, 7, 0);
        RidgeRegression fit = RidgeRegression.fit(columns(training, 0, FEATURES),
                columns(training, FEATURES, FEATURES + 7), 0.1);
        RidgeRegression stored = new RidgeRegression(fit.intercept(), fit.coefficients(), fit.alpha());
        double[][] query = columns(rows(QUERIES, FEATURES, 7, 1), 0, FEATURES);
        assertAll(IntStream.range(0, QUERIES).mapToObj(i -> () -> assertArrayEquals(fit.predict(query)[i],
                stored.predict(query)[i])));
    }

    @Test
    void rejectsMismatchedShapes() {
        double[][] training = rows(POINTS, FEATURES, 2, 0);
        double[][] features = columns(training, 0, FEATURES);
        double[][] targets = columns(training, FEATURES, FEATURES + 2);
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> RidgeRegression.fit(features, Arrays.copyOf(targets, POINTS - 1), 1));
        IllegalArgumentException folds = assertThrows(IllegalArgumentException.class,
                () -> RidgeCrossValidation.of(features, targets, Folds.of(POINTS + 1, 5, 0)));
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> RidgeRegression.fit(features, targets, 1).predict(new double[][] {{1, 2}}));
        assertAll(() -> assertEquals("targets have 39 rows: need 40, at least 1", rows.getMessage()),
                () -> assertEquals("folds of 41 points for 40", folds.getMessage()),
                () -> assertEquals("2 features for a fit on 4", width.getMessage()));
    }
}
