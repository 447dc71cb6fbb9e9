package org.submodeluq.fem.solver;

/**
 * How many runs {@link InterleavedNewmark} advances at once: the doubles in one of the machine's
 * preferred vectors (8 with AVX-512, 4 with AVX2), or 0 when runs go one at a time. That is when the
 * JVM was started without {@code --add-modules jdk.incubator.vector} (the Vector API is an incubator
 * module on Java 17, so it must be asked for), on a machine without vectors of at least 4 doubles, or
 * when the system property {@value #SCALAR_PROPERTY} is true. A run's results do not depend on which:
 * every lane does the scalar path's operations in its order.
 */
public final class SimdLanes {

    /** System property that forces runs one at a time, to compare the two paths. */
    public static final String SCALAR_PROPERTY = "submodeluq.scalar";

    private static final int MACHINE_WIDTH = machineWidth();

    private SimdLanes() {
    }

    /** Runs per block, or 0 for one at a time. */
    public static int width() {
        return Boolean.getBoolean(SCALAR_PROPERTY) ? 0 : MACHINE_WIDTH;
    }

    private static int machineWidth() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return 0;
        }
        int width = InterleavedNewmark.preferredWidth();
        return width >= 4 ? width : 0;
    }
}
