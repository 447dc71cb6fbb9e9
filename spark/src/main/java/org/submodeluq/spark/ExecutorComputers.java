package org.submodeluq.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.submodeluq.core.engine.SampleComputer;
import org.submodeluq.core.engine.SampleWork;

/**
 * The computers a JVM opened for the jobs it runs tasks of, one per job: the FEniCS workers an executor
 * starts for its first task serve all its later ones, and go when the executor goes (its shutdown hook),
 * or, where the driver is the executor (a {@code local} master), when the engine closes.
 */
final class ExecutorComputers {

    private static final Map<String, SampleComputer> OPEN = new HashMap<>();
    private static boolean hooked;

    private ExecutorComputers() {
    }

    /** The computer of job {@code id} in this JVM, opened by the first task that asks. */
    static synchronized SampleComputer of(String id, SampleWork work, int slots) {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(ExecutorComputers::closeAll, "close-sample-computers"));
            hooked = true;
        }
        SampleComputer computer = OPEN.get(id);
        if (computer == null) {
            Map<Path, Path> local = new HashMap<>();
            for (Path input : work.inputs()) {
                local.put(input, ShippedInputs.local(id, input));
            }
            computer = work.open(slots, local);
            OPEN.put(id, computer);
        }
        return computer;
    }

    /** Closes every computer this JVM opened. */
    static void closeAll() {
        List<SampleComputer> open;
        synchronized (ExecutorComputers.class) {
            open = new ArrayList<>(OPEN.values());
            OPEN.clear();
        }
        open.forEach(SampleComputer::close);
    }
}
