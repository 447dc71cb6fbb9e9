package org.submodeluq.cases.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The {@code --out} option of the commands that write one result; its default depends on the command
 * and is kept in {@link #DEFAULTS}, the one list of them.
 */
final class OutputOption {

    /** Each command's output when {@code --out} is not given. */
    static final Map<String, String> DEFAULTS = Map.of("solve", "run.h5", "generate", "training.h5",
            "sample", "samples.h5", "mc", "mc.h5", "compare", "comparison.h5", "run", "uq-run",
            "matformer train", "matformer");

    @Option(names = "--out", paramLabel = "PATH", description = "Where the result goes (default: ${DEFAULT-VALUE}).")
    private Path out;

    Path path() {
        return out;
    }

    /**
     * Supplies {@code --out}'s default from {@link #DEFAULTS} by the command it belongs to, named below
     * the root ({@code matformer train}, not {@code train}).
     */
    static final class Defaults implements IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec argument) {
            if (argument instanceof OptionSpec option && option.longestName().equals("--out")) {
                String name = argument.command().qualifiedName(" ");
                return DEFAULTS.get(name.substring(name.indexOf(' ') + 1));
            }
            return null;
        }
    }
}
