package org.submodeluq.fem.solver;

import java.util.Arrays;
import org.ejml.data.DMatrixSparseCSC;
import org.submodeluq.fem.mesh.TriangleMesh;

/**
 * The sparsity of a vector P1 operator on a mesh: degree of freedom {@code 2 n + c} is component c
 * of node n, and two degrees of freedom couple when their nodes share a cell. Builds zero matrices
 * with that structure (sorted rows in every column) and adds element blocks into them.
 */
final class NodalSparsity {

    private final int[] neighbourStart;
    private final int[] neighbours;

    NodalSparsity(TriangleMesh mesh) {
        int nodes = mesh.nodeCount();
        long[] pairs = new long[9 * mesh.cellCount()];
        int p = 0;
        for (int c = 0; c < mesh.cellCount(); c++) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    pairs[p++] = (long) mesh.vertex(c, a) * nodes + mesh.vertex(c, b);
                }
            }
        }
        long[] unique = Arrays.stream(pairs).sorted().distinct().toArray();
        neighbourStart = new int[nodes + 1];
        neighbours = new int[unique.length];
        for (int k = 0; k < unique.length; k++) {
            neighbourStart[(int) (unique[k] / nodes) + 1]++;
            neighbours[k] = (int) (unique[k] % nodes);
        }
        for (int n = 0; n < nodes; n++) {
            neighbourStart[n + 1] += neighbourStart[n];
        }
    }

    int nodeCount() {
        return neighbourStart.length - 1;
    }

    /** Nodes sharing a cell with {@code node}, itself included, ascending. */
    int[] neighboursOf(int node) {
        return Arrays.copyOfRange(neighbours, neighbourStart[node], neighbourStart[node + 1]);
    }

    /** A zero matrix over all degrees of freedom with this structure. */
    DMatrixSparseCSC zeroMatrix() {
        int dofs = 2 * nodeCount();
        int nonZeros = 4 * neighbours.length;
        DMatrixSparseCSC matrix = new DMatrixSparseCSC(dofs, dofs, nonZeros);
        int k = 0;
        for (int node = 0; node < nodeCount(); node++) {
            for (int component = 0; component < 2; component++) {
                matrix.col_idx[2 * node + component] = k;
                for (int q = neighbourStart[node]; q < neighbourStart[node + 1]; q++) {
                    matrix.nz_rows[k++] = 2 * neighbours[q];
                    matrix.nz_rows[k++] = 2 * neighbours[q] + 1;
                }
            }
        }
        matrix.col_idx[dofs] = k;
        matrix.nz_length = k;
        matrix.indicesSorted = true;
        return matrix;
    }

    /** Adds {@code value} to entry (row, col), which must be in the structure. */
    static void add(DMatrixSparseCSC matrix, int row, int col, double value) {
        int index = Arrays.binarySearch(matrix.nz_rows, matrix.col_idx[col], matrix.col_idx[col + 1], row);
        matrix.nz_values[index] += value;
    }
}
