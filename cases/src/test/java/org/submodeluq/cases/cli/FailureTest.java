package org.submodeluq.cases.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Exit codes: 2 for usage errors, 1 for failures, which print one line unless --verbose. */
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
}
