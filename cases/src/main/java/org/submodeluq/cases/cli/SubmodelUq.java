package org.submodeluq.cases.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.submodeluq.core.BuildInfo;
import org.submodeluq.fem.bridge.WorkerException;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.spec.MeshResolution;
import org.submodeluq.matformer.model.LmShape;
import org.submodeluq.montecarlo.estimate.MeanIntervalMethod;
import org.submodeluq.montecarlo.estimate.ProportionIntervalMethod;
import org.submodeluq.nn.ComputeDevice;
import org.submodeluq.surrogate.GeneratorKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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
                MonteCarloCommand.class, CompareCommand.class, MatformerCommand.class, InspectCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class})
public final class SubmodelUq {

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an unexpected error.")
    private boolean verbose;

    /** Exit code of a user error. */
    public static final int USER_ERROR = 2;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
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
        if (error instanceof UserInputException || error instanceof UncheckedIOException
                || error instanceof WorkerException) {
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

    /** Reports the build's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"submodel-uq " + BuildInfo.version(), "Java " + System.getProperty("java.version")};
        }
    }
}
