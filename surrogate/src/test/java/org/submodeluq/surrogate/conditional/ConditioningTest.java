package org.submodeluq.surrogate.conditional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;

class ConditioningTest {

    private static final CaseSpec SPEC = CaseFiles.defaultCase();

    @Test
    void namesAreKeptInTheCasesOrderWhateverOrderTheyAreGivenIn() {
        Conditioning conditioning = Conditioning.parse("centre, amplitude,xi_2", SPEC);
        assertEquals(List.of("amplitude", "centre", "xi_2"), conditioning.names());
        assertArrayEquals(new int[] {0, 2, 4}, conditioning.positions());
    }

    @Test
    void loadAndAllExpandToTheCasesInputs() {
        assertEquals(List.of("amplitude", "duration", "centre"), Conditioning.parse("load", SPEC).names());
        assertEquals(11, Conditioning.parse("all", SPEC).names().size());
        assertEquals(Conditioning.all(SPEC), Conditioning.parse("load,all", SPEC));
    }

    @Test
    void anInputTheCaseDoesNotHaveIsRefusedWithTheInputsItHas() {
        UserInputException e = assertThrows(UserInputException.class, () -> Conditioning.parse("amplitude,speed", SPEC));
        assertEquals("--condition", e.field());
        assertEquals("'speed' is not an input of case plate-impact; its inputs are amplitude, duration, centre, "
                + "xi_1 .. xi_8 (or 'all', 'load')", e.rule());
        assertThrows(UserInputException.class, () -> Conditioning.parse("xi_9", SPEC));
    }

    @Test
    void aCaseWithOtherInputsIsRefused() {
        CaseSpec fewerModes = CaseFiles.parse("modulusField: {modes: 4}", "test");
        UserInputException e = assertThrows(UserInputException.class,
                () -> Conditioning.all(SPEC).requireInputsOf(fewerModes, "g"));
        assertEquals("'plate-impact' has the inputs amplitude, duration, centre, xi_1 .. xi_4 but generator 'g' is "
                + "conditioned on inputs of a case with amplitude, duration, centre, xi_1 .. xi_8; train a generator "
                + "on this case", e.rule());
    }

    @Test
    void givenValuesMustBeConditionedInputsInsideTheirDistributions() {
        Conditioning load = Conditioning.parse("load", SPEC);
        GivenInputs given = GivenInputs.parse("amplitude=1.2,duration=0.4", SPEC, load);
        double[] row = new double[11];
        given.applyTo(row, load.inputs());
        assertEquals(1.2, row[0]);
        assertEquals(0.4, row[1]);
        assertEquals("duration=0.9 is outside what case plate-impact draws for it (uniform(min=0.25, max=0.75)): "
                + "the generator never saw such a run", rule(() -> GivenInputs.parse("duration=0.9", SPEC, load)));
        assertEquals("amplitude=-1.0 is outside what case plate-impact draws for it (lognormal(median=1.0, "
                + "logStd=0.25)): the generator never saw such a run",
                rule(() -> GivenInputs.parse("amplitude=-1", SPEC, load)));
        assertEquals("the generator is not conditioned on xi_1, so it cannot hold it fixed; it is conditioned on "
                + "amplitude,duration,centre", rule(() -> GivenInputs.parse("xi_1=0.5", SPEC, load)));
        assertEquals("'speed' is not an input of case plate-impact; the generator is conditioned on "
                + "amplitude,duration,centre", rule(() -> GivenInputs.parse("speed=2", SPEC, load)));
        assertEquals("'amplitude' is not NAME=VALUE, e.g. amplitude=1.2", rule(() -> GivenInputs.parse("amplitude",
                SPEC, load)));
        assertEquals("centre=x is not a number", rule(() -> GivenInputs.parse("centre=x", SPEC, load)));
    }

    private static String rule(org.junit.jupiter.api.function.Executable action) {
        return assertThrows(UserInputException.class, action).rule();
    }
}
