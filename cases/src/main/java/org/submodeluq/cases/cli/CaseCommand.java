package org.submodeluq.cases.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CommentedCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code submodel-uq case}: the cases the command line knows, and a case in full, so that the default
 * case is read without digging its file out of the jar.
 */
@Command(name = "case", mixinStandardHelpOptions = true, description = "Shows cases: 'case list', 'case show [CASE]'.",
        subcommands = {CaseCommand.Show.class, CaseCommand.Embedded.class})
final class CaseCommand {

    private CaseCommand() {
    }

    /** {@code case show}: the resolved case as a commented case file. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Prints a case in full as a case file: every key with its comment, the values a case file "
                    + "changes marked with the default they replace. Save it to start a case of your own.")
    static final class Show implements Callable<Integer> {

        @Spec
        private picocli.CommandLine.Model.CommandSpec command;

        @Parameters(paramLabel = "CASE", arity = "0..1", defaultValue = CaseFiles.DEFAULT_CASE,
                description = "Embedded case name or YAML file (default: ${DEFAULT-VALUE}).")
        private String caseName;

        @Override
        public Integer call() {
            PrintWriter out = command.commandLine().getOut();
            out.print(CommentedCase.of(CaseFiles.load(caseName)));
            out.flush();
            return 0;
        }
    }

    /** {@code case list}: the embedded cases, each with the first line of its comment. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the embedded cases.")
    static final class Embedded implements Callable<Integer> {

        @Spec
        private picocli.CommandLine.Model.CommandSpec command;

        @Override
        public Integer call() {
            PrintWriter out = command.commandLine().getOut();
            for (String name : CaseFiles.EMBEDDED) {
                out.printf("%-16s %s%n", name, CommentedCase.summary(name));
            }
            out.flush();
            return 0;
        }
    }
}
