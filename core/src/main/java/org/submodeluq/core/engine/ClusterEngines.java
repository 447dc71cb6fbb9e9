package org.submodeluq.core.engine;

import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.submodeluq.core.UserInputException;

/** Finds the cluster engine on the class path; the command line carries none unless it is asked for. */
public final class ClusterEngines {

    /** Opens an engine; one implementation per engine module, listed as a service. */
    public interface Provider {

        /** The engine's name, as {@code --engine} takes it. */
        String name();

        /**
         * Connects to {@code master} (null for the engine's own default: what spark-submit was given),
         * or fails in one line that names it.
         *
         * @param notes hears what the engine says while it starts (its executors, its web UI)
         */
        ClusterEngine open(String master, Consumer<String> notes);
    }

    private ClusterEngines() {
    }

    /**
     * Opens engine {@code name}.
     *
     * @throws UserInputException (field "--engine") when no module on the class path provides it
     */
    public static ClusterEngine open(String name, String master, Consumer<String> notes) {
        for (Provider provider : ServiceLoader.load(Provider.class)) {
            if (provider.name().equals(name)) {
                return provider.open(master, notes);
            }
        }
        throw new UserInputException("--engine", name + " is not on the class path: run through ./submodel-uq, "
                + "which adds it, or spark-submit the application jar (docs/spark.md)");
    }
}
