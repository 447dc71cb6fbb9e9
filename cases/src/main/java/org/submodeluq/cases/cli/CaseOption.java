package org.submodeluq.cases.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
        return filesOf(caseName);
    }

    /** The case, loaded and validated. */
    CaseSpec load() {
        return CaseFiles.load(caseName);
    }

    private static List<Path> filesOf(String caseName) {
        Path file = Path.of(caseName);
        return Files.isRegularFile(file) ? List.of(file) : List.of();
    }

    /**
     * {@code --case} of a command whose other input brings a case of its own (a trained generator): no
     * default, so that the command can tell a case named from none.
     */
    static final class OrTrained {

        @Option(names = "--case", paramLabel = "CASE",
                description = "Embedded case name or YAML file (default: the case the generator was trained on; "
                        + "needed for a generator trained on a plain dataset). A case whose submodel differs from "
                        + "the generator's (plate, material, zone, mesh or time) is refused.")
        private String caseName;

        /** The case named, if one is. */
        Optional<String> given() {
            return Optional.ofNullable(caseName);
        }

        /** The case file named, if one is (not an embedded case), as an input to guard. */
        List<Path> files() {
            return caseName == null ? List.of() : filesOf(caseName);
        }
    }
}
