package org.submodeluq.cases.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** The {@code --quiet} option of the commands that show progress on stderr. */
final class QuietOption {

    @Option(names = "--quiet", description = "No progress display.")
    private boolean quiet;

    boolean on() {
        return quiet;
    }

    /** Progress lines on {@code err}, each after {@code command + ": "}, or nothing when quiet. */
    Consumer<String> lines(PrintWriter err, String command) {
        return line -> {
            if (!quiet) {
                err.println(command + ": " + line);
                err.flush();
            }
        };
    }
}
