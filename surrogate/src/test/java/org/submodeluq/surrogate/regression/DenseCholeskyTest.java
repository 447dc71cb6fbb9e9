package org.submodeluq.surrogate.regression;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.IntFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;
import org.junit.jupiter.api.Test;
import org.submodeluq.core.random.KeyedStreams;

/**
 * The factorisation, solve and inverse against EJML's, which they must equal bit for bit, on Gaussian-process
 * covariances of sizes that leave every remainder of the four-term passes.
 */
class DenseCholeskyTest {

    /**
     * exp(-0.5 |x_i - x_k|^2 / 0.3^2) + 1e-6 [i = k] for n points uniform in [-1, 1]^3, a covariance of the kind
     * the likelihood factorises.
     */
    private static double[][] covariance(int n) {
        UniformRandomProvider rng = KeyedStreams.stream(20240612L, n);
        double[][] points = new double[n][3];
        for (double[] point : points) {
            for (int j = 0; j < 3; j++) {
                point[j] = rng.nextDouble(-1, 1);
            }
        }
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < n; m++) {
                double squared = 0;
                for (int j = 0; j < 3; j++) {
                    squared += (points[i][j] - points[m][j]) * (points[i][j] - points[m][j]);
                }
                k[i][m] = Math.exp(-0.5 * squared / 0.09) + (i == m ? 1e-6 : 0);
            }
        }
        return k;
    }

    @Test
    void factorSolveAndInverseEqualEjmlsBitForBit() {
        for (int n : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 61}) {
            double[][] k = covariance(n);
            double[] b = KeyedStreams.stream(20240613L, n).doubles(n, -1, 1).toArray();
            LinearSolverChol_DDRM ejml = new LinearSolverChol_DDRM(new CholeskyDecompositionInner_DDRM(true));
            assertTrue(ejml.setA(new DMatrixRMaj(k)), "EJML factorises n = " + n);
            DMatrixRMaj expectedSolution = new DMatrixRMaj(n, 1);
            ejml.solve(new DMatrixRMaj(n, 1, true, b), expectedSolution);
            DMatrixRMaj expectedInverse = new DMatrixRMaj(n, n);
            ejml.invert(expectedInverse);
            DMatrixRMaj expectedFactor = ejml.getDecomposition().getT(null);

            DenseCholesky cholesky = new DenseCholesky(n);
            for (int i = 0; i < n; i++) {
                System.arraycopy(k[i], 0, cholesky.matrix()[i], 0, i + 1);
            }
            boolean factorised = cholesky.factorise();
            double[] solution = new double[n];
            cholesky.solve(b, solution);
            double[][] inverse = new double[n][n];
            cholesky.invertLower(inverse);
            IntFunction<double[]> expectedFactorRow = i -> Arrays.copyOf(row(expectedFactor, i), i + 1);
            IntFunction<double[]> expectedInverseRow = i -> Arrays.copyOf(row(expectedInverse, i), i + 1);
            assertAll("n = " + n, () -> assertTrue(factorised),
                    () -> assertArrayEquals(expectedSolution.data, solution, "solution"),
                    () -> {
                        for (int i = 0; i < n; i++) {
                            assertArrayEquals(expectedFactorRow.apply(i), Arrays.copyOf(cholesky.matrix()[i], i + 1),
                                    "L row " + i);
                            assertArrayEquals(expectedInverseRow.apply(i), Arrays.copyOf(inverse[i], i + 1),
                                    "K^-1 row " + i);
                        }
                    });
        }
    }

    private static double[] row(DMatrixRMaj matrix, int i) {
        return Arrays.copyOfRange(matrix.data, i * matrix.numCols, (i + 1) * matrix.numCols);
    }

    @Test
    void rejectsAMatrixThatIsNotPositiveDefinite() {
        DenseCholesky cholesky = new DenseCholesky(3);
        double[][] k = cholesky.matrix();
        k[0][0] = 1;
        k[1][0] = 2;
        k[1][1] = 1;
        k[2][0] = 0;
        k[2][1] = 0;
        k[2][2] = 1;
        assertFalse(cholesky.factorise());
    }
}
