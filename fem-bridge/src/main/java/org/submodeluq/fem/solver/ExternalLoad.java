package org.submodeluq.fem.solver;

import java.util.function.DoubleUnaryOperator;

/**
 * A load of fixed spatial shape and varying magnitude, {@code f(t) = timeFactor(t) shape}.
 *
 * @param shape nodal load vector over all degrees of freedom
 * @param timeFactor magnitude as a function of time
 */
public record ExternalLoad(double[] shape, DoubleUnaryOperator timeFactor) {

    /** No load. */
    public static ExternalLoad none(int dofs) {
        return new ExternalLoad(new double[dofs], t -> 0);
    }
}
