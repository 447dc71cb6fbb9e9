package org.submodeluq.fem.solver;

import java.util.Arrays;

/** Displacement imposed on the constrained degrees of freedom (Dirichlet data) at each step. */
@FunctionalInterface
public interface PrescribedMotion {

    /** Held at zero: a clamped edge. */
    PrescribedMotion CLAMPED = (step, values) -> Arrays.fill(values, 0);

    /**
     * Fills {@code values}, one per constrained degree of freedom in the integrator's order, with the
     * displacement at step {@code step} (1-based; the structure is at rest at step 0).
     */
    void displacementAt(int step, double[] values);
}
