package org.submodeluq.cases.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.submodeluq.cases.cli.Cli.execute;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Options that another option would silently override are refused before any work, in one line. */
class ContradictionsTest {

    static List<Arguments> contradictions() {
        return List.of(
                Arguments.of(List.of("train", "--data", "t.h5", "--model", "pca-gaussian", "--out", "g", "--components",
                        "3", "--energy", "0.9"), "--components and --energy both choose how many principal components "
                        + "to keep: give one of them"),
                Arguments.of(List.of("train", "--data", "t.h5", "--model", "pca-gaussian", "--out", "g",
                        "--iterations", "100"), "--iterations would be ignored: it applies to wgan-gp and cwgan-gp only, "
                        + "and --model is pca-gaussian"),
                Arguments.of(List.of("generate", "--solver", "java", "--python", "/usr/bin/python3"), "--python would "
                        + "be ignored: it applies to FEniCS workers, and --solver is java"),
                Arguments.of(List.of("run", "--solver", "java", "--python", "/usr/bin/python3"), "--python would "
                        + "be ignored: it applies to FEniCS workers, and --solver is java"),
                Arguments.of(List.of("bench", "--workers", "1"), "--workers would be ignored: it sizes the campaign "
                        + "table, asked for with --campaign"),
                Arguments.of(List.of("bench", "--repeats", "3"), "--repeats would be ignored: it sizes the solver "
                        + "table, asked for with --solver or --dolfinx"),
                Arguments.of(List.of("solve", "--sample", "-1", "--out", "never.h5"), "--sample = -1 is not allowed: "
                        + "must be an index >= 0"),
                Arguments.of(List.of("mc", "--generator", "g", "--samples", "100", "--min-samples", "50"),
                        "--min-samples would be ignored: it bounds when --target may stop the campaign, and no "
                        + "--target is set"),
                Arguments.of(List.of("mc", "--generator", "g", "--samples", "100", "--target", "0.01",
                        "--min-samples", "500"), "--min-samples = 500 is above --samples = 100: the campaign never "
                        + "runs more than --samples"));
    }

    @ParameterizedTest
    @MethodSource("contradictions")
    void isRefusedInOneLine(List<String> arguments, String message) {
        Cli.Result result = execute(arguments.toArray(String[]::new));
        assertEquals(SubmodelUq.USER_ERROR, result.exitCode(), result.err());
        assertEquals("submodel-uq: error: " + message, result.err().strip());
    }
}
