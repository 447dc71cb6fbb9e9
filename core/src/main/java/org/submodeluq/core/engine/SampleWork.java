package org.submodeluq.core.engine;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A campaign's samples, described by value (the case, the seed, which files to read) so that a cluster
 * can ship it to JVMs that never saw the driver's disk. Sample {@code key}'s record depends on nothing
 * else, so which JVM computes it, and when, cannot change a bit of it.
 */
public interface SampleWork extends Serializable {

    /** Files and directories of the driver's that the work reads (a generator's); engines copy them over. */
    default List<Path> inputs() {
        return List.of();
    }

    /**
     * Opens what computing samples needs in this JVM: a solver, a pool of FEniCS workers, a generator.
     * An engine opens it once per executor and shares it among the tasks that executor runs at once.
     *
     * @param slots how many tasks this JVM runs at once, the size of any pool it starts
     * @param local where this JVM finds each of {@link #inputs()}
     */
    SampleComputer open(int slots, Map<Path, Path> local);
}
