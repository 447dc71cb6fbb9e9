package org.submodeluq.fem.solver;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Newmark loop of a {@link NewmarkIntegrator} for a block of runs at once, one run per SIMD lane:
 * every state array holds entry i of lane r at {@code i * lanes() + r}, and each kernel reads a
 * matrix entry once for the whole block. A single run's solve is bound by its short panel loops (the
 * zone's supernodes are about 13 columns by 40 rows, and the JIT's vector loops end in scalar
 * remainders); across lanes every operation is a full vector, about six times the throughput per
 * run.
 *
 * <p>Each lane does exactly the operations of {@link NewmarkIntegrator#run} in the same order, with
 * separate multiplies and adds as Java evaluates them (never fused), so a run's bits do not depend on
 * being run in a block, on its lane or on the block's width. Loaded only when {@link SimdLanes} says the
 * Vector API is there. For runs without external load: the submodel, driven on its cut boundaries.
 */
public final class InterleavedNewmark {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int W = SPECIES.length();

    private final NewmarkIntegrator integrator;
    private final int[] freeDofs;
    private final int[] constrainedDofs;
    private final CsrMatrix mass;
    private final CsrMatrix coupling;
    private final SupernodalFactor factor;
    private final int[] firstColumn;
    private final int[] rowStart;
    private final int[] rows;
    private final int[] panelStart;
    private final double[] panels;

    public InterleavedNewmark(NewmarkIntegrator integrator) {
        this.integrator = integrator;
        this.freeDofs = integrator.freeDofs();
        this.constrainedDofs = integrator.constrainedDofs();
        this.mass = integrator.massRows();
        this.coupling = integrator.constrainedCoupling();
        this.factor = integrator.factor().supernodes();
        this.firstColumn = factor.firstColumn();
        this.rowStart = factor.rowStart();
        this.rows = factor.rows();
        this.panelStart = factor.panelStart();
        this.panels = factor.panels();
    }

    static int preferredWidth() {
        return W;
    }

    /** Runs per block. */
    public int lanes() {
        return W;
    }

    /**
     * Advances {@link #lanes()} runs from rest through {@code steps} steps.
     *
     * @param motion fills the constrained displacements of every lane, interleaved
     * @param observer sees every step's interleaved state
     */
    public void run(int steps, PrescribedMotion motion, StepObserver observer) {
        double dt = integrator.timeStep();
        double c0 = 1 / (NewmarkIntegrator.BETA * dt * dt);
        double c1 = 1 / (NewmarkIntegrator.BETA * dt);
        double c2 = (1 - 2 * NewmarkIntegrator.BETA) / (2 * NewmarkIntegrator.BETA);
        int n = integrator.dofCount() * W;
        double[] displacement = new double[n];
        double[] velocity = new double[n];
        double[] acceleration = new double[n];
        double[] history = new double[n];
        double[] next = new double[n];
        double[] free = new double[freeDofs.length * W];
        double[] prescribed = new double[constrainedDofs.length * W];
        double[] scratch = new double[(factor.scratchLength() + 4) * W];
        for (int step = 1; step <= steps; step++) {
            double time = step * dt;
            for (int i = 0; i < n; i += W) {
                vector(displacement, i).mul(c0).add(vector(velocity, i).mul(c1)).add(vector(acceleration, i).mul(c2))
                        .intoArray(history, i);
            }
            multiply(mass, history, free, false);
            motion.displacementAt(step, prescribed);
            multiply(coupling, prescribed, free, true);
            forward(free, scratch);
            backward(free, scratch);
            for (int k = 0; k < freeDofs.length; k++) {
                vector(free, k * W).intoArray(next, freeDofs[k] * W);
            }
            for (int c = 0; c < constrainedDofs.length; c++) {
                vector(prescribed, c * W).intoArray(next, constrainedDofs[c] * W);
            }
            for (int i = 0; i < n; i += W) {
                DoubleVector a = vector(acceleration, i);
                DoubleVector nextAcceleration = vector(next, i).sub(vector(displacement, i)).mul(c0)
                        .sub(vector(velocity, i).mul(c1)).sub(a.mul(c2));
                vector(velocity, i).add(a.mul(1 - NewmarkIntegrator.GAMMA)
                        .add(nextAcceleration.mul(NewmarkIntegrator.GAMMA)).mul(dt)).intoArray(velocity, i);
                nextAcceleration.intoArray(acceleration, i);
            }
            double[] previous = displacement;
            displacement = next;
            next = previous;
            observer.onStep(step, time, displacement, velocity, acceleration);
        }
    }

    private static DoubleVector vector(double[] array, int offset) {
        return DoubleVector.fromArray(SPECIES, array, offset);
    }

    /** {@code y = A x}, or {@code y -= A x}, row sums accumulated as {@link CsrMatrix} does. */
    private static void multiply(CsrMatrix matrix, double[] x, double[] y, boolean subtract) {
        int[] rowStart = matrix.rowStart();
        int[] columns = matrix.columns();
        double[] values = matrix.values();
        for (int r = 0; r < rowStart.length - 1; r++) {
            DoubleVector sum = DoubleVector.zero(SPECIES);
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                sum = sum.add(vector(x, columns[k] * W).mul(values[k]));
            }
            (subtract ? vector(y, r * W).sub(sum) : sum).intoArray(y, r * W);
        }
    }

    /** L y = x, supernode by supernode as {@link SupernodalFactor}'s forward solve. */
    private void forward(double[] x, double[] t) {
        for (int s = 0; s < firstColumn.length - 1; s++) {
            int head = firstColumn[s];
            int width = firstColumn[s + 1] - head;
            int height = rowStart[s + 1] - rowStart[s];
            int base = panelStart[s];
            Arrays.fill(t, 0, height * W, 0);
            int j = 0;
            for (; j + 3 < width; j += 4) {
                int c0 = base + j * height;
                int c1 = c0 + height;
                int c2 = c1 + height;
                int c3 = c2 + height;
                DoubleVector x0 = vector(x, (head + j) * W);
                DoubleVector x1 = vector(x, (head + j + 1) * W);
                DoubleVector x2 = vector(x, (head + j + 2) * W);
                DoubleVector x3 = vector(x, (head + j + 3) * W);
                for (int i = 0; i < height; i++) {
                    DoubleVector sum = x0.mul(panels[c0 + i]).add(x1.mul(panels[c1 + i])).add(x2.mul(panels[c2 + i]))
                            .add(x3.mul(panels[c3 + i]));
                    vector(t, i * W).add(sum).intoArray(t, i * W);
                }
            }
            for (; j < width; j++) {
                int c0 = base + j * height;
                DoubleVector x0 = vector(x, (head + j) * W);
                for (int i = 0; i < height; i++) {
                    vector(t, i * W).add(x0.mul(panels[c0 + i])).intoArray(t, i * W);
                }
            }
            System.arraycopy(t, 0, x, head * W, width * W);
            int rowBase = rowStart[s];
            for (int i = width; i < height; i++) {
                int r = rows[rowBase + i] * W;
                vector(x, r).sub(vector(t, i * W)).intoArray(x, r);
            }
        }
    }

    /** L^T x = y, supernode by supernode in reverse as {@link SupernodalFactor}'s backward solve. */
    private void backward(double[] x, double[] v) {
        for (int s = firstColumn.length - 2; s >= 0; s--) {
            int head = firstColumn[s];
            int width = firstColumn[s + 1] - head;
            int height = rowStart[s + 1] - rowStart[s];
            int base = panelStart[s];
            int rowBase = rowStart[s];
            System.arraycopy(x, head * W, v, 0, width * W);
            for (int i = width; i < height; i++) {
                vector(x, rows[rowBase + i] * W).neg().intoArray(v, i * W);
            }
            int j = 0;
            for (; j + 3 < width; j += 4) {
                int c0 = base + j * height;
                int c1 = c0 + height;
                int c2 = c1 + height;
                int c3 = c2 + height;
                DoubleVector s0 = DoubleVector.zero(SPECIES);
                DoubleVector s1 = s0;
                DoubleVector s2 = s0;
                DoubleVector s3 = s0;
                for (int i = 0; i < height; i++) {
                    DoubleVector b = vector(v, i * W);
                    s0 = s0.add(b.mul(panels[c0 + i]));
                    s1 = s1.add(b.mul(panels[c1 + i]));
                    s2 = s2.add(b.mul(panels[c2 + i]));
                    s3 = s3.add(b.mul(panels[c3 + i]));
                }
                s0.intoArray(x, (head + j) * W);
                s1.intoArray(x, (head + j + 1) * W);
                s2.intoArray(x, (head + j + 2) * W);
                s3.intoArray(x, (head + j + 3) * W);
            }
            for (; j < width; j++) {
                int c0 = base + j * height;
                DoubleVector s0 = DoubleVector.zero(SPECIES);
                for (int i = 0; i < height; i++) {
                    s0 = s0.add(vector(v, i * W).mul(panels[c0 + i]));
                }
                s0.intoArray(x, (head + j) * W);
            }
        }
    }
}
