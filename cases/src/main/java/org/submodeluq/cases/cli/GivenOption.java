package org.submodeluq.cases.cli;

import java.nio.file.Path;
import org.submodeluq.cases.pipeline.ShippedGenerator;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.surrogate.BoundaryConditionGenerator;
import org.submodeluq.surrogate.conditional.ConditionalGenerator;
import org.submodeluq.surrogate.conditional.GivenInputs;
import org.submodeluq.surrogate.conditional.Scenario;
import picocli.CommandLine.Option;

/** {@code --given}: inputs a conditional generator holds fixed while the rest are drawn from the case. */
final class GivenOption {

    @Option(names = "--given", paramLabel = "NAME=VALUE[,...]",
            description = "Conditional generators: hold these inputs fixed (e.g. amplitude=1.2,duration=0.4) and draw "
                    + "the rest from the case: the distribution for one load scenario, without a new full run.")
    private String given;

    /**
     * What a campaign draws from: a conditional generator fed inputs drawn from {@code draws} with the given
     * ones fixed, or an unconditional generator as it is.
     *
     * @throws UserInputException when --given is set for an unconditional generator, or names an input or value
     *     the generator cannot take
     */
    BoundaryConditionGenerator feed(BoundaryConditionGenerator generator, CaseSpec draws, Path directory) {
        if (!(generator instanceof ConditionalGenerator conditional)) {
            if (given != null) {
                throw new UserInputException("--given", "needs a conditional generator (mean-map, mean-map-residual, "
                        + "cwgan-gp); '" + directory + "' is " + generator.kind().text() + ", which reads no inputs");
            }
            return generator;
        }
        GivenInputs fixed = given == null ? GivenInputs.NONE
                : GivenInputs.parse(given, draws, conditional.conditioning());
        return Scenario.of(conditional, draws, fixed, directory.toString());
    }

    /** What is held fixed, as given: empty when nothing is. */
    String text() {
        return given == null ? "" : given.strip();
    }

    /** The label's suffix naming what is held fixed: empty when nothing is. */
    String suffix() {
        return given == null ? "" : ShippedGenerator.GIVEN + text();
    }
}
