package org.submodeluq.cases.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import picocli.CommandLine.Option;

/** The {@code --case} option of the commands that work on one case. */
final class CaseOption {

    @Option(names = "--case", paramLabel = "CASE", defaultValue = CaseFiles.DEFAULT_CASE,
            description = "Embedded case name or YAML file (default: ${DEFAULT-VALUE}).")
    private String caseName;

    /** The case file named, if the case is one (not an embedded case), as an input to guard. */
    List<Path> files() {
        Path file = Path.of(caseName);
        return Files.isRegularFile(file) ? List.of(file) : List.of();
    }

    /** The case, loaded and validated. */
    CaseSpec load() {
        return CaseFiles.load(caseName);
    }
}
