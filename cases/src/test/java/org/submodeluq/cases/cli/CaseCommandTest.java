package org.submodeluq.cases.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.submodeluq.cases.cli.Cli.execute;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.fem.spec.CaseFiles;

/** {@code case show} and {@code case list} from the command line. */
class CaseCommandTest {

    @Test
    void showPrintsACaseFileThatRunsAsTheCaseItShows(@TempDir Path directory) throws IOException {
        Path overlay = Files.writeString(directory.resolve("fine.yaml"), "name: fine\nmesh: {nx: 160, ny: 40}\n");
        Cli.Result shown = execute("case", "show", overlay.toString());
        Path saved = Files.writeString(directory.resolve("saved.yaml"), shown.out());
        Cli.Result again = execute("case", "show", saved.toString());
        Cli.Result standard = execute("case", "show");
        assertAll(
                () -> assertEquals(0, shown.exitCode(), shown.err()),
                () -> assertEquals(CaseFiles.load(overlay.toString()), CaseFiles.load(saved.toString())),
                () -> assertEquals(shown.out(), again.out(), "a shown case shows as itself"),
                () -> assertTrue(shown.out().contains("\n  ny: 40                      # default: 20\n"), shown.out()),
                () -> assertTrue(shown.out().contains("\n  steps: 200\n"), "the default's keys, merged in"),
                () -> assertEquals(CaseFiles.defaultCase(), CaseFiles.parse(standard.out(), "standard")),
                () -> assertTrue(standard.out().startsWith("# Case plate-impact as submodel-uq resolves it: every key, "
                        + "with its comment.\n"), standard.out()));
    }

    @Test
    void listNamesTheEmbeddedCases() {
        Cli.Result listed = execute("case", "list");
        assertEquals("plate-impact     The default case of submodel-uq: a plate clamped on x = 0 and struck on x = "
                + "length.\n", listed.out());
    }

    @Test
    void anUnknownCaseIsOneLine() {
        Cli.Result unknown = execute("case", "show", "no-such-case");
        assertAll(
                () -> assertEquals(SubmodelUq.USER_ERROR, unknown.exitCode()),
                () -> assertEquals("submodel-uq: error: case 'no-such-case' is neither an embedded case [plate-impact] "
                        + "nor a readable file", unknown.err().strip()));
    }
}
