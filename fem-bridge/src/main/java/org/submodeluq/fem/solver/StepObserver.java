package org.submodeluq.fem.solver;

/**
 * Sees the state after each time step. The arrays are indexed by degree of freedom
 * ({@code 2 node + component}), belong to the integrator and change at the next step: copy what
 * must be kept.
 */
@FunctionalInterface
public interface StepObserver {

    /**
     * @param step n, from 1 to the number of steps
     * @param time t_n = n dt
     * @param displacement u_n
     * @param velocity v_n
     * @param acceleration a_n
     */
    void onStep(int step, double time, double[] displacement, double[] velocity, double[] acceleration);

    /** This observer, then {@code next}. */
    default StepObserver andThen(StepObserver next) {
        return (step, time, u, v, a) -> {
            onStep(step, time, u, v, a);
            next.onStep(step, time, u, v, a);
        };
    }
}
