package org.submodeluq.cases.cli;

import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import org.submodeluq.core.BuildInfo;
import org.submodeluq.fem.bridge.WorkerException;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.spec.MeshResolution;
import org.submodeluq.matformer.model.LmShape;
import org.submodeluq.matformer.sweep.DirectorySweep;
import org.submodeluq.montecarlo.estimate.MeanIntervalMethod;
import org.submodeluq.montecarlo.estimate.ProportionIntervalMethod;
import org.submodeluq.nn.ComputeDevice;
import org.submodeluq.surrogate.GeneratorKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code submodel-uq} command. User errors (a bad case, a missing or unwritable file, a bad
 * option, a FEniCS model that cannot start or returns bad data) print one line and exit with
 * {@value #USER_ERROR}, as picocli does for usage errors; anything else is a failure: one line and exit
 * code 1, with the stack trace under {@code --verbose}.
 */
@Command(name = "submodel-uq", mixinStandardHelpOptions = true, versionProvider = SubmodelUq.Version.class,
        description = "Uncertainty quantification of a zone of interest under fast dynamics.",
        subcommands = {RunCommand.class, SolveCommand.class, GenerateCommand.class, TrainCommand.class, SampleCommand.class,
                MonteCarloCommand.class, ReplayCommand.class, CompareCommand.class, EstimateCommand.class,
                PlanCommand.class, MatformerCommand.class, InspectCommand.class, CaseCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class SubmodelUq {

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an unexpected error.")
    private boolean verbose;

    /** Exit code of a user error. */
    public static final int USER_ERROR = 2;

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        ProgressBar.ended();
        System.exit(code);
    }

    /** The configured command line, also used by tests. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SubmodelUq());
        commandLine.registerConverter(MeanIntervalMethod.class, new NamedConverter<>(MeanIntervalMethod.class, "method"));
        commandLine.registerConverter(ProportionIntervalMethod.class,
                new NamedConverter<>(ProportionIntervalMethod.class, "method"));
        commandLine.registerConverter(GeneratorKind.class, new NamedConverter<>(GeneratorKind.class, "generator kind"));
        commandLine.registerConverter(ComputeDevice.class, new NamedConverter<>(ComputeDevice.class, "device"));
        commandLine.registerConverter(LmShape.Positions.class,
                new NamedConverter<>(LmShape.Positions.class, "position encoding"));
        commandLine.registerConverter(DirectorySweep.Family.class,
                new NamedConverter<>(DirectorySweep.Family.class, "configuration family"));
        commandLine.registerConverter(MeshResolution.class, new MeshConverter());
        commandLine.setDefaultValueProvider(new OutputOption.Defaults());
        commandLine.setParameterExceptionHandler(SubmodelUq::usageError);
        commandLine.setExecutionExceptionHandler(SubmodelUq::handle);
        return commandLine;
    }

    /** A bad option or value: one line that names it, and where the options are listed. */
    private static int usageError(CommandLine.ParameterException error, String[] arguments) {
        CommandLine command = error.getCommandLine();
        command.getErr().println("submodel-uq: error: " + error.getMessage() + " (see '"
                + command.getCommandSpec().qualifiedName() + " --help')");
        return USER_ERROR;
    }

    private static int handle(Exception error, CommandLine commandLine, CommandLine.ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        CommandLine.ParseResult executed = parsed;
        while (executed.subcommand() != null) {
            executed = executed.subcommand();
        }
        if (error instanceof UserInputException user) {
            err.println("submodel-uq: error: " + toldAsOption(user, executed.commandSpec()));
            return USER_ERROR;
        }
        if (error instanceof HdfException) {
            err.println("submodel-uq: error: an HDF5 file given to this command is damaged or cut short (" + error
                    .getMessage() + ")");
            return USER_ERROR;
        }
        if (error instanceof WorkerException || error instanceof UncheckedIOException io && aboutTheUsersPath(io)) {
            err.println("submodel-uq: error: " + error.getMessage());
            return USER_ERROR;
        }
        boolean verbose = false;
        for (CommandLine.ParseResult result = parsed; result != null; result = result.subcommand()) {
            verbose |= result.hasMatchedOption("--verbose");
        }
        if (verbose) {
            error.printStackTrace(err);
        } else {
            err.println("submodel-uq: failed: " + error + " (rerun with --verbose for the stack trace)");
        }
        return 1;
    }

    /**
     * The message of a user error, its field told as the running command's option when it has one: the
     * library names settings ({@code minSamples}), the command line knows them as {@code --min-samples}.
     */
    static String toldAsOption(UserInputException error, CommandSpec command) {
        String option = "--" + error.field().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        return !error.field().isEmpty() && command.findOption(option) != null ? option + " " + error.rule()
                : error.getMessage();
    }

    /**
     * Whether a failed file operation is about a path the user named (missing, not a directory, not
     * allowed): a user error; a full disk or a failing device is not, and is reported as a failure.
     */
    private static boolean aboutTheUsersPath(UncheckedIOException error) {
        IOException cause = error.getCause();
        return cause instanceof AccessDeniedException || cause instanceof NoSuchFileException
                || cause instanceof NotDirectoryException || cause instanceof FileAlreadyExistsException
                || cause instanceof DirectoryNotEmptyException || cause instanceof FileSystemException system
                && system.getReason() != null && system.getReason().contains("Read-only");
    }

    /** Reports the build's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"submodel-uq " + BuildInfo.version(), "Java " + System.getProperty("java.version")};
        }
    }
}
