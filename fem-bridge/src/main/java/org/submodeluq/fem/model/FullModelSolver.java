package org.submodeluq.fem.model;

/**
 * Something that runs the full model of a case for given inputs: the Java solver, or FEniCS through
 * a pool of Python workers. Implementations are safe to call from {@link #parallelism()} threads.
 */
public interface FullModelSolver extends AutoCloseable {

    /** Runs sample {@code index} with inputs {@code theta}. */
    FullRun run(long index, Theta theta);

    /** How many runs may usefully go on at once. */
    int parallelism();

    /** The code and version that produced the runs, as result files record it. */
    String description();

    @Override
    void close();
}
