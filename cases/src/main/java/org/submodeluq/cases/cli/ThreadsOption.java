package org.submodeluq.cases.cli;

import org.submodeluq.core.UserInputException;
import picocli.CommandLine.Option;

/** The {@code --threads} option of the commands that spread independent samples over worker threads. */
final class ThreadsOption {

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads; results do not depend on it (default: one per core).")
    private Integer threads;

    /** The threads asked for, one per core by default. */
    int count() {
        int count = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (count < 1) {
            throw new UserInputException("--threads", "= " + count + " is not allowed: must be >= 1");
        }
        return count;
    }
}
