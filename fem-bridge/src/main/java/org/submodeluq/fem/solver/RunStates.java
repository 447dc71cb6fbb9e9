package org.submodeluq.fem.solver;

/**
 * Hands each run of an interleaved block its own state arrays, as {@link StepObserver} expects. A
 * block of one is passed through without copying.
 */
final class RunStates {

    private final int dofCount;
    private final int width;
    private final double[] displacement;
    private final double[] velocity;
    private final double[] acceleration;

    RunStates(int dofCount, int width) {
        this.dofCount = dofCount;
        this.width = width;
        int length = width == 1 ? 0 : dofCount;
        this.displacement = new double[length];
        this.velocity = new double[length];
        this.acceleration = new double[length];
    }

    void report(int step, double time, double[] u, double[] v, double[] a, StepObserver[] observers) {
        if (width == 1) {
            observers[0].onStep(step, time, u, v, a);
            return;
        }
        for (int c = 0; c < width; c++) {
            for (int i = 0; i < dofCount; i++) {
                int at = i * width + c;
                displacement[i] = u[at];
                velocity[i] = v[at];
                acceleration[i] = a[at];
            }
            observers[c].onStep(step, time, displacement, velocity, acceleration);
        }
    }
}
