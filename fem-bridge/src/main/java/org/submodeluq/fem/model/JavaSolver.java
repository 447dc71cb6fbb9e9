package org.submodeluq.fem.model;

import org.submodeluq.core.BuildInfo;

/** The Java full model as a {@link FullModelSolver}: {@link FullModel} is stateless per run, so any thread may call. */
public final class JavaSolver implements FullModelSolver {

    /** What files record as the solver of Java runs. */
    public static final String DESCRIPTION = "java: P1 triangles, consistent mass, Newmark average acceleration, "
            + "supernodal Cholesky (submodel-uq " + BuildInfo.version() + ")";

    private final FullModel model;
    private final int threads;

    public JavaSolver(FullModel model, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, not " + threads);
        }
        this.model = model;
        this.threads = threads;
    }

    @Override
    public FullRun run(long index, Theta theta) {
        try {
            return model.run(theta);
        } catch (DivergedRunException e) {
            throw e.inSample(index);
        }
    }

    @Override
    public int parallelism() {
        return threads;
    }

    @Override
    public String description() {
        return DESCRIPTION;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
