package org.submodeluq.fem.spec;


/** Uniform time grid t_n = n dt, n = 0..steps; the structure is at rest at t_0 = 0. */
public record TimeGrid(int steps, double dt) {
    public TimeGrid {
        Rules.requirePositive("steps", steps);
        Rules.requirePositive("dt", dt);
    }

    /** Time of step n. */
    public double time(int step) {
        return step * dt;
    }

    /** t_1 .. t_N: the times of the steps, at which traces are recorded. */
    public double[] times() {
        double[] times = new double[steps];
        for (int s = 0; s < steps; s++) {
            times[s] = time(s + 1);
        }
        return times;
    }
}
