package org.submodeluq.fem.spec;

/** Uniform time grid t_n = n dt, n = 0..steps; the structure is at rest at t_0 = 0. */
public record TimeGrid(int steps, double dt) {
    public TimeGrid {
        CaseException.requirePositive("steps", steps);
        CaseException.requirePositive("dt", dt);
    }

    /** Time of step n. */
    public double time(int step) {
        return step * dt;
    }

    /** End time, steps * dt. */
    public double duration() {
        return steps * dt;
    }
}
