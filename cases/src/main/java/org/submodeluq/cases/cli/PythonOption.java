package org.submodeluq.cases.cli;

import picocli.CommandLine.Option;

/** The {@code --python} option of the commands that may start FEniCS. */
final class PythonOption {

    @Option(names = "--python", paramLabel = "PYTHON", description = "Python interpreter that has DOLFINx (default: "
            + "$SUBMODEL_UQ_PYTHON, else the case's fenics.python, /usr/bin/python3).")
    private String python;

    /** The interpreter named on the command line, or null. */
    String interpreter() {
        return python;
    }
}
