package org.submodeluq.cases.cli;

import java.util.List;
import java.util.function.Consumer;
import org.submodeluq.core.engine.ClusterEngine;
import org.submodeluq.core.engine.ClusterEngines;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --engine} and {@code --master}: the commands whose samples can run on this machine or on Spark. */
final class EngineOption {

    /** Where samples run. */
    enum Engine { local, spark }

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
            description = "local (this machine's cores) or spark (the executors of --master); the output is the "
                    + "same bits either way (default: ${DEFAULT-VALUE}).")
    private Engine engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master for --engine spark: local[N], spark://HOST:PORT, yarn or "
                    + "k8s://https://HOST:PORT (default: spark-submit's --master).")
    private String master;

    /**
     * Checks the options against each other.
     *
     * @param localOnly options that size the local engine, refused with {@code --engine spark}
     */
    void check(CommandSpec command, List<String> localOnly) {
        Contradictions.refuseIgnored(command, List.of("--master"), engine == Engine.local,
                "it names a Spark master, and --engine is local");
        Contradictions.refuseIgnored(command, localOnly, engine == Engine.spark,
                "with --engine spark each executor runs as many samples at once as it has cores");
    }

    /** Whether samples run on a cluster. */
    boolean cluster() {
        return engine == Engine.spark;
    }

    /** Connects to the cluster; what it says while it starts goes to {@code notes}. */
    ClusterEngine open(Consumer<String> notes) {
        return ClusterEngines.open(engine.name(), master, notes);
    }
}
