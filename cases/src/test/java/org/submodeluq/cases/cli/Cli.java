package org.submodeluq.cases.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command line in-process, capturing what it prints (for the spark module's tests too). */
public final class Cli {

    /** Exit code and the two streams of one command. */
    public record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    /** Runs one command in this JVM. */
    public static Result execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = SubmodelUq.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
