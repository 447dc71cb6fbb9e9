package org.submodeluq.cases.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.submodeluq.core.UserInputException;
import org.submodeluq.core.io.OutputGuard;
import org.submodeluq.fem.io.FieldsFile;
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
            "sample", "samples.h5", "mc", "mc.h5", "compare", "comparison.h5", "estimate", "estimate.h5",
            "run", "uq-run", "matformer train", "matformer", "matformer encode-train", "encoder");

    @Option(names = "--out", paramLabel = "PATH", description = "Where the result goes (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--force", description = "Replace a file of another kind at --out (an input never is).")
    private boolean force;

    /** The output, normalized: a guard looking at {@code missing/../x} would see nothing where x is. */
    Path path() {
        return out.normalize();
    }

    /**
     * Whether the result at {@code --out} already is the one asked for, as {@code check} (the campaign's)
     * tells; a result of another campaign is refused with the way out.
     */
    boolean alreadyDone(BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (UserInputException e) {
            throw new UserInputException("--out", e.rule() + "; --force replaces it, or name another --out");
        }
    }

    /** Whether an existing result of another kind or campaign may be replaced. */
    boolean force() {
        return force;
    }

    /**
     * The output file, checked before any work: not one of {@code inputs}, not a file of another kind
     * than {@code format} unless {@code --force}, in a writable place.
     */
    Path file(String format, Collection<Path> inputs) {
        return checkedFile("--out", path(), format, force, inputs);
    }

    /**
     * Files that mark a directory as another command's result: a command writing into a directory
     * refuses one that holds another's, whose files it would mix in or overwrite.
     */
    static final Map<String, String> DIRECTORY_MARKERS = Map.of("manifest.json", "a generator directory",
            "matformer.h5", "a MatFormer directory", "encoder.h5", "a MatFormer encoder directory", "stages.h5",
            "a run directory", FieldsFile.HDF5, "a fields directory");

    /** {@link #checkedDirectory}, also refusing a directory marked as another command's ({@code own} excepted). */
    static Path checkedDirectory(String option, Path named, String own) {
        Path directory = checkedDirectory(option, named.normalize());
        refuseOtherResults(option, directory, own);
        return directory;
    }

    /** Refuses a directory that holds another command's result ({@code own}'s marker excepted). */
    static void refuseOtherResults(String option, Path directory, String own) {
        DIRECTORY_MARKERS.forEach((marker, kind) -> {
            if (!marker.equals(own) && Files.exists(directory.resolve(marker))) {
                throw new UserInputException(option, "'" + directory + "' is " + kind + " (it holds " + marker
                        + "); name another " + option);
            }
        });
    }

    /** {@link #file} for an output named by {@code option}. */
    static Path checkedFile(String option, Path named, String format, boolean force, Collection<Path> inputs) {
        Path file = checkedText(option, named, inputs);
        if (!force) {
            try {
                OutputGuard.sameKind(file, format);
            } catch (UserInputException e) {
                throw new UserInputException(option, e.rule() + "; name another " + option + ", or add --force to "
                        + "replace it");
            }
        }
        return file;
    }

    /** A text output named by {@code option}, checked before any work: not one of {@code inputs}, writable. */
    static Path checkedText(String option, Path named, Collection<Path> inputs) {
        Path file = named.normalize();
        if (Files.isDirectory(file)) {
            throw new UserInputException(option, "'" + file + "' is a directory; a file goes there");
        }
        try {
            OutputGuard.notAnInput(file, inputs);
            OutputGuard.writable(file);
        } catch (UserInputException e) {
            throw new UserInputException(option, e.rule() + "; name another " + option);
        }
        return file;
    }

    /**
     * A text output of {@code kind} checked as {@link #checkedText} does, which may replace only an
     * earlier one of its own: an existing file for which {@code ours} does not hold is refused.
     */
    static Path checkedText(String option, Path named, Collection<Path> inputs, String kind, Predicate<String> ours) {
        Path file = checkedText(option, named, inputs);
        if (Files.isRegularFile(file)) {
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException | UncheckedIOException e) {
                text = "";
            }
            if (!ours.test(text)) {
                throw new UserInputException(option, "'" + file + "' exists and is not " + kind + "; name another "
                        + option + " (or move the file away)");
            }
        }
        return file;
    }

    /** {@link #directory} for an output named by {@code option}. */
    static Path checkedDirectory(String option, Path directory) {
        try {
            OutputGuard.directory(directory);
            OutputGuard.writable(directory);
        } catch (UserInputException e) {
            throw e.named(option);
        }
        return directory;
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

    /** Writes a text result (a Markdown table) whose path was checked by {@link #checkedText}. */
    static void writeText(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
