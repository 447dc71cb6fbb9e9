package org.submodeluq.cases.cli;

import picocli.CommandLine.Option;

/** The {@code --seed} option: the key of every random stream a command draws from. */
final class SeedOption {

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "0",
            description = "Seed of the command's random draws; the same seed gives the same bits (default: "
                    + "${DEFAULT-VALUE}).")
    private long seed;

    long value() {
        return seed;
    }
}
