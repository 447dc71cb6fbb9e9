package org.submodeluq.fem.spec;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A case shown in full reads back as the same case, and says what a case file changed. */
class CommentedCaseTest {

    @Test
    void theDefaultCaseReadsBackAsItselfWithEveryComment() {
        String shown = CommentedCase.of(CaseFiles.defaultCase());
        assertAll(
                () -> assertEquals(CaseFiles.defaultCase(), CaseFiles.parse(shown, "shown")),
                () -> assertTrue(shown.contains("\n  amplitude: lognormal(median=1.0, logStd=0.25)   # peak traction\n"),
                        shown),
                () -> assertTrue(!shown.contains("default:"), "nothing changed, nothing marked"));
    }

    @Test
    void anOverlayShowsMergedWithTheDefaultsItReplaces() {
        String overlay = """
                name: "true"
                mesh: {nx: 160, ny: 40}
                load:
                  amplitude: 2.0
                  duration: uniform(min=0.3, max=0.5)
                fenics: {pythonPath: ["/opt/my, model", "#hash"]}
                """;
        CaseSpec spec = CaseFiles.parse(overlay, "overlay.yaml");
        String shown = CommentedCase.of(spec);
        assertAll(
                () -> assertEquals(spec, CaseFiles.parse(shown, "shown"), shown),
                () -> assertEquals(shown, CommentedCase.of(CaseFiles.parse(shown, "shown")), "showing it again"),
                () -> assertTrue(shown.contains("\nname: \"true\"                  # default: plate-impact\n"), shown),
                () -> assertTrue(shown.contains("\n  nx: 160                     # default: 80\n"), shown),
                () -> assertTrue(shown.contains("\n  amplitude: 2.0                                  # peak traction; "
                        + "default: lognormal(median=1.0, logStd=0.25)\n"), shown),
                () -> assertTrue(shown.contains("\n  steps: 200\n"), "the defaults it keeps, unmarked"),
                () -> assertTrue(shown.contains("\n  correlationLengthY: 0.25\n"), shown));
    }

    @Test
    void anEmbeddedCaseIsSummedUpByItsFirstComment() {
        assertEquals("The default case of submodel-uq: a plate clamped on x = 0 and struck on x = length.",
                CommentedCase.summary(CaseFiles.DEFAULT_CASE));
    }
}
