package org.submodeluq.cases.cli;

import picocli.CommandLine.Option;

/** The {@code --quiet} option of the commands that show progress on stderr. */
final class QuietOption {

    @Option(names = "--quiet", description = "No progress display.")
    private boolean quiet;

    boolean on() {
        return quiet;
    }
}
