package org.submodeluq.cases.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Exit codes: 2 for usage errors, 1 for failures, which print one line unless --verbose; --help everywhere. */
class FailureTest {

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("an unexpected state");
        }
    }

    private static String[] run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = SubmodelUq.commandLine().addSubcommand(new Boom());
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        return new String[] {String.valueOf(commandLine.execute(args)), err.toString()};
    }

    @Test
    void aFailurePrintsOneLineAndTheStackTraceOnlyWhenVerbose() {
        String[] quiet = run("boom");
        String[] verbose = run("boom", "--verbose");
        String[] usage = run("solve", "--no-such-option");
        assertAll(
                () -> assertEquals("1", quiet[0]),
                () -> assertEquals("submodel-uq: failed: java.lang.IllegalStateException: an unexpected state "
                        + "(rerun with --verbose for the stack trace)", quiet[1].strip()),
                () -> assertEquals("1", verbose[0]),
                () -> assertTrue(verbose[1].contains("\tat org.submodeluq.cases.cli.FailureTest$Boom.call"),
                        verbose[1]),
                () -> assertEquals("2", usage[0], usage[1]));
    }

    @Test
    void everySubcommandAnswersHelpWithItsUsage() {
        List<List<String>> paths = new ArrayList<>();
        collect(SubmodelUq.commandLine(), new ArrayList<>(), paths);
        assertTrue(paths.size() >= 15, paths.toString());
        PrintStream standardError = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Cli.execute("--help").exitCode());
            helpOfEach(paths);
        } finally {
            System.setErr(standardError);
        }
        assertEquals("", warnings.toString(StandardCharsets.UTF_8), "picocli's own warnings, e.g. an unescaped %");
    }

    private static void helpOfEach(List<List<String>> paths) {
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Cli.Result help = Cli.execute(args.toArray(new String[0]));
            String name = String.join(" ", path);
            assertEquals(0, help.exitCode(), name + ": " + help.err());
            assertTrue(help.out().startsWith("Usage: submodel-uq " + name), name + ": " + help.out());
            assertTrue(help.out().contains("-h, --help"), name);
        }
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        command.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().helpCommand()) {
                List<String> next = new ArrayList<>(path);
                next.add(name);
                paths.add(next);
                collect(sub, next, paths);
            }
        });
    }
}
