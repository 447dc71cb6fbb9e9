package org.submodeluq.cases.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.submodeluq.core.UserInputException;
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

    /** Fails as a file operation does (a full disk, or with --denied a path the user may not write), or on a setting. */
    @Command(name = "disk")
    static final class Disk implements Callable<Integer> {
        @picocli.CommandLine.Option(names = "--denied")
        private boolean denied;

        @picocli.CommandLine.Option(names = "--min-samples")
        private int minSamples;

        @Override
        public Integer call() {
            if (minSamples > 0) {
                throw new UserInputException("minSamples", "= " + minSamples + " is not allowed: must be 0");
            }
            IOException cause = denied ? new AccessDeniedException("/proc/x.h5")
                    : new IOException("No space left on device");
            throw new UncheckedIOException("cannot write x.h5 (" + cause.getMessage() + ")", cause);
        }
    }

    private static String[] run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = SubmodelUq.commandLine().addSubcommand(new Boom()).addSubcommand(new Disk());
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
    void aUserErrorIsToldInTheCommandsOptionsAndOnlyTheUsersPathsAreUserErrors() {
        String[] setting = run("disk", "--min-samples", "5");
        String[] full = run("disk");
        String[] denied = run("disk", "--denied");
        assertAll(
                () -> assertEquals("2", setting[0]),
                () -> assertEquals("submodel-uq: error: --min-samples = 5 is not allowed: must be 0", setting[1].strip()),
                () -> assertEquals("1", full[0]),
                () -> assertTrue(full[1].startsWith("submodel-uq: failed: java.io.UncheckedIOException: cannot write "
                        + "x.h5 (No space left on device)"), full[1]),
                () -> assertEquals("2", denied[0]),
                () -> assertEquals("submodel-uq: error: cannot write x.h5 (/proc/x.h5)", denied[1].strip()));
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
