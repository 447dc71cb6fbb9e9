package org.submodeluq.surrogate.regression;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;

/**
 * Minimises a smooth function within a box by projected L-BFGS: the L-BFGS direction (Nocedal and Wright
 * 2006, algorithm 7.4, over the last {@value #MEMORY} steps) for the variables not held at a bound, then
 * backtracking along the projection of that ray onto the box until the Armijo condition holds (Bertsekas
 * 1982). A variable is held when it lies on a bound and the gradient pushes it outwards. This is a
 * simplification of L-BFGS-B (Byrd, Lu, Nocedal and Zhu 1995), which finds the held set through a
 * generalised Cauchy point; on the few, smooth parameters of a marginal likelihood both reach the same
 * optimum. Commons Math 3 has no optimiser for this: its bounded ones (BOBYQA, CMA-ES) ignore the
 * gradient, and its gradient-based one (non-linear conjugate gradient) takes no bounds.
 */
final class ProjectedLbfgs {

    /** A function to minimise and its gradient. */
    interface Objective {

        /** f(x); a value that is not finite marks x infeasible. */
        double value(double[] x);

        /**
         * Writes grad f into {@code gradient} at the x of the latest {@link #value}, which was finite. Asked
         * for only at the points the search accepts, as the line search discards many that it tries.
         */
        void gradient(double[] gradient);
    }

    /**
     * The last accepted point.
     *
     * @param converged whether a tolerance stopped the search, rather than the iteration limit or a
     *     line search that found no decrease
     */
    record Minimum(double[] point, double value, int iterations, int evaluations, boolean converged) {
    }

    /** Steps remembered (SciPy's maxcor). */
    private static final int MEMORY = 10;
    /** Sufficient decrease, as a fraction of the first-order prediction. */
    private static final double ARMIJO = 1e-4;
    /** Halvings of the step before the direction is given up. */
    private static final int BACKTRACKS = 40;

    private final double[] lower;
    private final double[] upper;
    private final int maxIterations;
    private final double gradientTolerance;
    private final double valueTolerance;

    /**
     * @param gradientTolerance stop when the projected gradient x - P(x - g) is at most this in every
     *     component
     * @param valueTolerance stop when a step lowers f by at most this fraction of max(|f|, 1)
     */
    ProjectedLbfgs(double[] lower, double[] upper, int maxIterations, double gradientTolerance,
                   double valueTolerance) {
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.maxIterations = maxIterations;
        this.gradientTolerance = gradientTolerance;
        this.valueTolerance = valueTolerance;
    }

    Minimum minimise(Objective objective, double[] start) {
        double[] x = project(start);
        double[] gradient = new double[x.length];
        double value = objective.value(x);
        int evaluations = 1;
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("the objective is " + value + " at the start " + Arrays.toString(x));
        }
        objective.gradient(gradient);
        Deque<double[][]> memory = new ArrayDeque<>();
        for (int iteration = 0; ; iteration++) {
            if (projectedGradientNorm(x, gradient) <= gradientTolerance) {
                return new Minimum(x, value, iteration, evaluations, true);
            }
            if (iteration == maxIterations) {
                return new Minimum(x, value, iteration, evaluations, false);
            }
            double[] direction = direction(x, gradient, memory);
            if (dot(gradient, direction) >= 0) {
                memory.clear();
                direction = direction(x, gradient, memory);
            }
            double step = memory.isEmpty() ? Math.min(1, 1 / Math.sqrt(dot(direction, direction))) : 1;
            double[] next = null;
            double[] nextGradient = new double[x.length];
            double nextValue = Double.NaN;
            for (int halving = 0; halving < BACKTRACKS && next == null; halving++, step *= 0.5) {
                double[] trial = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    trial[i] = x[i] + step * direction[i];
                }
                trial = project(trial);
                double predicted = dot(gradient, difference(trial, x));
                if (predicted < 0) {
                    nextValue = objective.value(trial);
                    evaluations++;
                    if (nextValue <= value + ARMIJO * predicted) {
                        next = trial;
                        objective.gradient(nextGradient);
                    }
                }
            }
            if (next == null) {
                if (memory.isEmpty()) {
                    return new Minimum(x, value, iteration, evaluations, false);
                }
                memory.clear();
                continue;
            }
            double[] s = difference(next, x);
            double[] y = difference(nextGradient, gradient);
            if (dot(s, y) > 1e-10 * dot(y, y)) {
                memory.addFirst(new double[][] {s, y});
                if (memory.size() > MEMORY) {
                    memory.removeLast();
                }
            }
            boolean flat = value - nextValue <= valueTolerance * Math.max(Math.max(Math.abs(value),
                    Math.abs(nextValue)), 1);
            x = next;
            value = nextValue;
            gradient = nextGradient;
            if (flat) {
                return new Minimum(x, value, iteration + 1, evaluations, true);
            }
        }
    }

    /**
     * -H g by the two-loop recursion on the free variables, newest step first in {@code memory}, with no
     * component that would leave the box at once; steepest descent when the memory is empty.
     */
    private double[] direction(double[] x, double[] gradient, Deque<double[][]> memory) {
        boolean[] held = new boolean[x.length];
        double[] q = gradient.clone();
        for (int i = 0; i < x.length; i++) {
            held[i] = x[i] <= lower[i] && gradient[i] > 0 || x[i] >= upper[i] && gradient[i] < 0;
            if (held[i]) {
                q[i] = 0;
            }
        }
        double[] alphas = new double[memory.size()];
        int m = 0;
        for (double[][] pair : memory) {
            alphas[m] = dot(pair[0], q) / dot(pair[0], pair[1]);
            axpy(-alphas[m++], pair[1], q);
        }
        if (!memory.isEmpty()) {
            double[][] newest = memory.peekFirst();
            double scale = dot(newest[0], newest[1]) / dot(newest[1], newest[1]);
            for (int i = 0; i < q.length; i++) {
                q[i] *= scale;
            }
        }
        Iterator<double[][]> oldestFirst = memory.descendingIterator();
        while (oldestFirst.hasNext()) {
            double[][] pair = oldestFirst.next();
            double beta = dot(pair[1], q) / dot(pair[0], pair[1]);
            axpy(alphas[--m] - beta, pair[0], q);
        }
        for (int i = 0; i < q.length; i++) {
            q[i] = -q[i];
            if (held[i] || x[i] <= lower[i] && q[i] < 0 || x[i] >= upper[i] && q[i] > 0) {
                q[i] = 0;
            }
        }
        return q;
    }

    private double projectedGradientNorm(double[] x, double[] gradient) {
        double norm = 0;
        for (int i = 0; i < x.length; i++) {
            double moved = Math.min(Math.max(x[i] - gradient[i], lower[i]), upper[i]);
            norm = Math.max(norm, Math.abs(x[i] - moved));
        }
        return norm;
    }

    private double[] project(double[] x) {
        double[] projected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            projected[i] = Math.min(Math.max(x[i], lower[i]), upper[i]);
        }
        return projected;
    }

    private static double[] difference(double[] a, double[] b) {
        double[] difference = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            difference[i] = a[i] - b[i];
        }
        return difference;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
