package org.submodeluq.fem.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixSparseCSC;
import org.submodeluq.fem.mesh.TriangleMesh;

/**
 * Implicit Newmark time stepping with average acceleration (beta = 1/4, gamma = 1/2) of
 * {@code M a + K u = f}, with displacement prescribed on some degrees of freedom. Unconditionally
 * stable, second order, and for a linear undamped system it conserves {@code (v^T M v + u^T K u) / 2}
 * exactly once the load stops.
 *
 * <p>One code path serves the full model (constrained = the clamped edge, held at zero) and the
 * submodel (constrained = the zone's cut boundaries, driven by traces). The effective matrix
 * {@code S = K + M / (beta dt^2)} is factored once, here, on its free block in nested-dissection
 * order; each step is then two sparse products and two triangular solves. The integrator is
 * immutable: {@link #run} may be called many times and from many threads.
 */
public final class NewmarkIntegrator {

    /** Newmark beta of the average-acceleration rule. */
    public static final double BETA = 0.25;
    /** Newmark gamma of the average-acceleration rule. */
    public static final double GAMMA = 0.5;

    private final int dofCount;
    private final double timeStep;
    private final int[] freeDofs;
    private final int[] constrainedDofs;
    private final CsrMatrix massRows;
    private final CsrMatrix constrainedCoupling;
    private final SparseCholesky factor;

    /**
     * @param system K and M over all degrees of freedom
     * @param mesh the mesh they were assembled on, for the elimination order
     * @param constrainedDofs degrees of freedom with prescribed displacement, in the order
     *     {@link PrescribedMotion} fills them
     * @param timeStep dt
     */
    public NewmarkIntegrator(SystemMatrices system, TriangleMesh mesh, int[] constrainedDofs, double timeStep) {
        this.dofCount = system.dofCount();
        this.timeStep = timeStep;
        this.constrainedDofs = constrainedDofs.clone();
        int[] constrainedIndex = new int[dofCount];
        Arrays.fill(constrainedIndex, -1);
        for (int c = 0; c < constrainedDofs.length; c++) {
            if (constrainedIndex[constrainedDofs[c]] >= 0) {
                throw new IllegalArgumentException("degree of freedom " + constrainedDofs[c] + " is constrained twice");
            }
            constrainedIndex[constrainedDofs[c]] = c;
        }
        this.freeDofs = IntStream.of(NestedDissection.dofOrder(mesh)).filter(d -> constrainedIndex[d] < 0).toArray();
        int[] freeIndex = new int[dofCount];
        Arrays.fill(freeIndex, -1);
        for (int k = 0; k < freeDofs.length; k++) {
            freeIndex[freeDofs[k]] = k;
        }
        int[] everyDof = IntStream.range(0, dofCount).toArray();
        double[] effective = effectiveValues(system, timeStep);
        this.massRows = CsrMatrix.block(system.mass(), freeDofs, everyDof, system.mass().nz_values);
        this.constrainedCoupling = CsrMatrix.block(system.stiffness(), freeDofs, constrainedIndex, effective);
        this.factor = new SparseCholesky(freeBlock(system.stiffness(), effective, freeIndex));
    }

    /** Values of S = K + M / (beta dt^2) on the common structure of K and M. */
    private static double[] effectiveValues(SystemMatrices system, double timeStep) {
        double[] k = system.stiffness().nz_values;
        double[] m = system.mass().nz_values;
        double c0 = 1 / (BETA * timeStep * timeStep);
        double[] s = new double[system.stiffness().nz_length];
        for (int i = 0; i < s.length; i++) {
            s[i] = k[i] + c0 * m[i];
        }
        return s;
    }

    /** S restricted to the free degrees of freedom, renumbered to elimination order. */
    private DMatrixSparseCSC freeBlock(DMatrixSparseCSC structure, double[] values, int[] freeIndex) {
        int n = freeDofs.length;
        DMatrixSparseCSC block = new DMatrixSparseCSC(n, n, structure.nz_length);
        List<long[]> column = new ArrayList<>();
        int q = 0;
        for (int j = 0; j < n; j++) {
            block.col_idx[j] = q;
            column.clear();
            int dof = freeDofs[j];
            for (int k = structure.col_idx[dof]; k < structure.col_idx[dof + 1]; k++) {
                int row = freeIndex[structure.nz_rows[k]];
                if (row >= 0) {
                    column.add(new long[] {row, k});
                }
            }
            column.sort((a, b) -> Long.compare(a[0], b[0]));
            for (long[] entry : column) {
                block.nz_rows[q] = (int) entry[0];
                block.nz_values[q++] = values[(int) entry[1]];
            }
        }
        block.col_idx[n] = q;
        block.nz_length = q;
        block.indicesSorted = true;
        return block;
    }

    public int dofCount() {
        return dofCount;
    }

    double timeStep() {
        return timeStep;
    }

    /** The free degrees of freedom in elimination order: the rows of the products and the factor. */
    int[] freeDofs() {
        return freeDofs;
    }

    int[] constrainedDofs() {
        return constrainedDofs;
    }

    /** Rows of M at the free degrees of freedom, over all of them. */
    CsrMatrix massRows() {
        return massRows;
    }

    /** S between the free and the constrained degrees of freedom. */
    CsrMatrix constrainedCoupling() {
        return constrainedCoupling;
    }

    SparseCholesky factor() {
        return factor;
    }

    /** Entries of the Cholesky factor. */
    public int factorNonZeros() {
        return factor.factorNonZeros();
    }

    /** Supernodes of the Cholesky factor (dense column panels the solves stream through). */
    public int supernodeCount() {
        return factor.supernodeCount();
    }

    /**
     * Advances from rest (u = v = a = 0 at t = 0) through {@code steps} steps.
     *
     * @param load external forces on the free degrees of freedom
     * @param motion displacement of the constrained degrees of freedom
     * @param observer sees every step's state
     */
    public void run(int steps, ExternalLoad load, PrescribedMotion motion, StepObserver observer) {
        if (load.shape().length != dofCount) {
            throw new IllegalArgumentException("load has " + load.shape().length + " entries, system " + dofCount);
        }
        double c0 = 1 / (BETA * timeStep * timeStep);
        double c1 = 1 / (BETA * timeStep);
        double c2 = (1 - 2 * BETA) / (2 * BETA);
        double[] loadShape = new double[freeDofs.length];
        for (int k = 0; k < freeDofs.length; k++) {
            loadShape[k] = load.shape()[freeDofs[k]];
        }
        double[] displacement = new double[dofCount];
        double[] velocity = new double[dofCount];
        double[] acceleration = new double[dofCount];
        double[] history = new double[dofCount];
        double[] nextDisplacement = new double[dofCount];
        double[] free = new double[freeDofs.length];
        double[] prescribed = new double[constrainedDofs.length];
        double[] scratch = factor.newScratch();
        for (int step = 1; step <= steps; step++) {
            double time = step * timeStep;
            // S u_{n+1} = f_{n+1} + M (c0 u_n + c1 v_n + c2 a_n), rows of the free degrees of freedom
            for (int i = 0; i < dofCount; i++) {
                history[i] = c0 * displacement[i] + c1 * velocity[i] + c2 * acceleration[i];
            }
            massRows.multiply(history, free);
            double magnitude = load.timeFactor().applyAsDouble(time);
            if (magnitude != 0) {
                for (int k = 0; k < free.length; k++) {
                    free[k] += magnitude * loadShape[k];
                }
            }
            // lift the prescribed displacement to the right-hand side: - S_fc u_c
            motion.displacementAt(step, prescribed);
            constrainedCoupling.multiplySubtract(prescribed, free);
            factor.solveInPlace(free, scratch);
            // a_{n+1} = c0 (u_{n+1} - u_n) - c1 v_n - c2 a_n; v_{n+1} = v_n + dt ((1 - gamma) a_n + gamma a_{n+1})
            for (int k = 0; k < freeDofs.length; k++) {
                nextDisplacement[freeDofs[k]] = free[k];
            }
            for (int c = 0; c < constrainedDofs.length; c++) {
                nextDisplacement[constrainedDofs[c]] = prescribed[c];
            }
            for (int i = 0; i < dofCount; i++) {
                double nextAcceleration = c0 * (nextDisplacement[i] - displacement[i]) - c1 * velocity[i]
                        - c2 * acceleration[i];
                velocity[i] += timeStep * ((1 - GAMMA) * acceleration[i] + GAMMA * nextAcceleration);
                acceleration[i] = nextAcceleration;
                displacement[i] = nextDisplacement[i];
            }
            observer.onStep(step, time, displacement, velocity, acceleration);
        }
    }
}
