package org.submodeluq.fem.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixSparseCSC;

/**
 * A sparse Cholesky factor L regrouped into supernodes (runs of consecutive columns with the same
 * sparsity below their diagonal block), each stored as a dense column-major panel, for fast
 * triangular solves. A column-by-column sparse solve does one indirect memory access per entry of
 * L; a supernodal one does one per row of a panel and streams the panel itself, which the JIT turns
 * into vector instructions. The factor is immutable and the solve keeps its scratch on the caller's
 * side, so one factor serves every thread.
 */
final class SupernodalFactor {

    private final int[] firstColumn;
    private final int[] rowStart;
    private final int[] rows;
    private final int[] panelStart;
    private final double[] panels;
    private final int scratchLength;

    /** Regroups a lower-triangular CSC factor whose columns hold sorted rows, diagonal first. */
    SupernodalFactor(DMatrixSparseCSC lower) {
        Grouping grouping = group(lower);
        int count = grouping.first.length - 1;
        this.firstColumn = grouping.first;
        this.rowStart = grouping.rowStart;
        this.rows = grouping.rows;
        this.panelStart = new int[count + 1];
        int highest = 0;
        for (int s = 0; s < count; s++) {
            int height = rowStart[s + 1] - rowStart[s];
            panelStart[s + 1] = panelStart[s] + height * (firstColumn[s + 1] - firstColumn[s]);
            highest = Math.max(highest, height);
        }
        this.scratchLength = highest;
        this.panels = new double[panelStart[count]];
        int[] position = new int[lower.numCols];
        for (int s = 0; s < count; s++) {
            int height = rowStart[s + 1] - rowStart[s];
            for (int i = 0; i < height; i++) {
                position[rows[rowStart[s] + i]] = i;
            }
            for (int j = firstColumn[s]; j < firstColumn[s + 1]; j++) {
                int column = panelStart[s] + (j - firstColumn[s]) * height;
                for (int k = lower.col_idx[j]; k < lower.col_idx[j + 1]; k++) {
                    panels[column + position[lower.nz_rows[k]]] = lower.nz_values[k];
                }
            }
            invertDiagonalBlock(s);
        }
    }

    /**
     * Replaces the panel [L_D; L_B] of supernode s by G = [L_D^-1; L_B L_D^-1], so that each
     * triangular solve becomes one dense product per supernode: forward {@code t = G x_D}, then
     * x_D = t_D and x_B -= t_B; backward {@code x_D = G^T [x_D; -x_B]}. Dense loops of fixed
     * length vectorise; the small dependent triangular loops they replace do not.
     */
    private void invertDiagonalBlock(int s) {
        int width = firstColumn[s + 1] - firstColumn[s];
        int height = rowStart[s + 1] - rowStart[s];
        int base = panelStart[s];
        double[] block = new double[height * width];
        System.arraycopy(panels, base, block, 0, block.length);
        // G e_k for each unit vector e_k: solve L_D y = e_k, then rows below: L_B y
        for (int k = 0; k < width; k++) {
            double[] y = new double[width];
            y[k] = 1;
            for (int j = k; j < width; j++) {
                y[j] /= block[j * height + j];
                for (int i = j + 1; i < width; i++) {
                    y[i] -= block[j * height + i] * y[j];
                }
            }
            int column = base + k * height;
            for (int i = 0; i < height; i++) {
                double sum = 0;
                if (i < width) {
                    sum = y[i];
                } else {
                    for (int j = k; j < width; j++) {
                        sum += block[j * height + i] * y[j];
                    }
                }
                panels[column + i] = sum;
            }
        }
    }

    /** Column ranges of the supernodes and the rows of each. */
    private record Grouping(int[] first, int[] rowStart, int[] rows) {
    }

    /**
     * Fundamental supernodes, then relaxed amalgamation: a supernode absorbs the next one when that
     * is its parent in the elimination tree and the merged panel stays mostly non-zero (CHOLMOD's
     * default thresholds: any merge up to 4 columns, up to 80 % zeros up to 16 columns, 10 % up to
     * 48, 5 % beyond). Wider panels mean longer vector loops.
     */
    private static Grouping group(DMatrixSparseCSC lower) {
        int n = lower.numCols;
        List<Integer> first = new ArrayList<>();
        List<int[]> patterns = new ArrayList<>();
        int head = 0;
        int[] pattern = column(lower, 0);
        long entries = pattern.length;
        int fundamental = 0;
        for (int j = 1; j <= n; j++) {
            if (j < n && continuesSupernode(lower, j)) {
                entries += columnLength(lower, j);
                continue;
            }
            // columns fundamental .. j-1 form a fundamental supernode; try to absorb it into the group
            if (fundamental > head) {
                int width = fundamental - head;
                int mergedWidth = j - head;
                int[] next = column(lower, fundamental);
                long stored = (long) (width + next.length) * mergedWidth - (long) mergedWidth * (mergedWidth - 1) / 2;
                boolean isParent = pattern.length > width && pattern[width] == fundamental;
                if (isParent && relaxedMergeAllowed(mergedWidth, 1 - (double) entries / stored)) {
                    pattern = concat(head, width, next);
                } else {
                    first.add(head);
                    patterns.add(pattern);
                    head = fundamental;
                    pattern = next;
                    entries = 0;
                    for (int c = fundamental; c < j; c++) {
                        entries += columnLength(lower, c);
                    }
                }
            }
            if (j < n) {
                fundamental = j;
                entries += columnLength(lower, j);
            }
        }
        first.add(head);
        patterns.add(pattern);
        int count = first.size();
        int[] firstColumn = new int[count + 1];
        int[] rowStart = new int[count + 1];
        for (int s = 0; s < count; s++) {
            firstColumn[s] = first.get(s);
            rowStart[s + 1] = rowStart[s] + patterns.get(s).length;
        }
        firstColumn[count] = n;
        int[] rows = new int[rowStart[count]];
        for (int s = 0; s < count; s++) {
            System.arraycopy(patterns.get(s), 0, rows, rowStart[s], patterns.get(s).length);
        }
        return new Grouping(firstColumn, rowStart, rows);
    }

    private static boolean relaxedMergeAllowed(int width, double zeroFraction) {
        return width <= 4 || (width <= 16 && zeroFraction < 0.8) || (width <= 48 && zeroFraction < 0.1)
                || zeroFraction < 0.05;
    }

    private static int[] column(DMatrixSparseCSC lower, int j) {
        return Arrays.copyOfRange(lower.nz_rows, lower.col_idx[j], lower.col_idx[j + 1]);
    }

    /** The columns head .. head + width - 1 followed by {@code rest}. */
    private static int[] concat(int head, int width, int[] rest) {
        int[] joined = new int[width + rest.length];
        for (int i = 0; i < width; i++) {
            joined[i] = head + i;
        }
        System.arraycopy(rest, 0, joined, width, rest.length);
        return joined;
    }

    private static int columnLength(DMatrixSparseCSC lower, int j) {
        return lower.col_idx[j + 1] - lower.col_idx[j];
    }

    /** Whether column j has exactly the rows of column j - 1 without its diagonal. */
    private static boolean continuesSupernode(DMatrixSparseCSC lower, int j) {
        int previous = lower.col_idx[j - 1];
        int length = columnLength(lower, j);
        if (columnLength(lower, j - 1) != length + 1) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (lower.nz_rows[previous + 1 + k] != lower.nz_rows[lower.col_idx[j] + k]) {
                return false;
            }
        }
        return true;
    }

    int supernodeCount() {
        return firstColumn.length - 1;
    }

    /** First column of each supernode, and the number of columns after the last. */
    int[] firstColumn() {
        return firstColumn;
    }

    /** Where each supernode's rows start in {@link #rows()}. */
    int[] rowStart() {
        return rowStart;
    }

    /** The rows of every supernode, diagonal block first. */
    int[] rows() {
        return rows;
    }

    /** Where each supernode's column-major panel G starts in {@link #panels()}. */
    int[] panelStart() {
        return panelStart;
    }

    double[] panels() {
        return panels;
    }

    /** Length of the scratch array {@link #solveInPlace} needs. */
    int scratchLength() {
        return scratchLength;
    }

    /**
     * Overwrites {@code x} with {@code (L L^T)^-1 x}.
     *
     * @param scratch at least {@link #scratchLength()} doubles, owned by the calling thread
     */
    void solveInPlace(double[] x, double[] scratch) {
        forward(x, scratch);
        backward(x, scratch);
    }

    /** L y = x: per supernode, t = G x_D, then x_D = t_D and the rows below lose t_B. */
    private void forward(double[] x, double[] t) {
        for (int s = 0; s < firstColumn.length - 1; s++) {
            int head = firstColumn[s];
            int width = firstColumn[s + 1] - head;
            int height = rowStart[s + 1] - rowStart[s];
            int base = panelStart[s];
            Arrays.fill(t, 0, height, 0);
            int j = 0;
            for (; j + 3 < width; j += 4) {
                int c0 = base + j * height;
                int c1 = c0 + height;
                int c2 = c1 + height;
                int c3 = c2 + height;
                double x0 = x[head + j];
                double x1 = x[head + j + 1];
                double x2 = x[head + j + 2];
                double x3 = x[head + j + 3];
                for (int i = 0; i < height; i++) {
                    t[i] += panels[c0 + i] * x0 + panels[c1 + i] * x1 + panels[c2 + i] * x2 + panels[c3 + i] * x3;
                }
            }
            for (; j < width; j++) {
                int c0 = base + j * height;
                double x0 = x[head + j];
                for (int i = 0; i < height; i++) {
                    t[i] += panels[c0 + i] * x0;
                }
            }
            System.arraycopy(t, 0, x, head, width);
            int rowBase = rowStart[s];
            for (int i = width; i < height; i++) {
                x[rows[rowBase + i]] -= t[i];
            }
        }
    }

    /** L^T x = y: per supernode in reverse, x_D = G^T [x_D; -x_B]. */
    private void backward(double[] x, double[] v) {
        for (int s = firstColumn.length - 2; s >= 0; s--) {
            int head = firstColumn[s];
            int width = firstColumn[s + 1] - head;
            int height = rowStart[s + 1] - rowStart[s];
            int base = panelStart[s];
            int rowBase = rowStart[s];
            System.arraycopy(x, head, v, 0, width);
            for (int i = width; i < height; i++) {
                v[i] = -x[rows[rowBase + i]];
            }
            int j = 0;
            for (; j + 3 < width; j += 4) {
                int c0 = base + j * height;
                int c1 = c0 + height;
                int c2 = c1 + height;
                int c3 = c2 + height;
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                for (int i = 0; i < height; i++) {
                    double b = v[i];
                    s0 += panels[c0 + i] * b;
                    s1 += panels[c1 + i] * b;
                    s2 += panels[c2 + i] * b;
                    s3 += panels[c3 + i] * b;
                }
                x[head + j] = s0;
                x[head + j + 1] = s1;
                x[head + j + 2] = s2;
                x[head + j + 3] = s3;
            }
            for (; j < width; j++) {
                int c0 = base + j * height;
                double s0 = 0;
                for (int i = 0; i < height; i++) {
                    s0 += panels[c0 + i] * v[i];
                }
                x[head + j] = s0;
            }
        }
    }
}
