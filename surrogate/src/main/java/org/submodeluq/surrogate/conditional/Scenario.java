package org.submodeluq.surrogate.conditional;

import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.fem.spec.ScalarDistribution;
import org.submodeluq.surrogate.BoundaryConditionGenerator;
import org.submodeluq.surrogate.GeneratorKind;

/**
 * A conditional generator fed inputs drawn from a case, some of them held fixed: what a Monte Carlo
 * campaign samples. With nothing fixed it follows the case's distribution of traces; with the load fixed
 * ({@code mc --given}) the distribution of one load scenario.
 *
 * @param generator the conditional generator
 * @param draws the case whose distributions the inputs are drawn from
 * @param given the inputs held fixed
 */
public record Scenario(ConditionalGenerator generator, CaseSpec draws, GivenInputs given)
        implements BoundaryConditionGenerator {

    /**
     * A scenario checked against the generator: the case must have the generator's inputs, and draw every
     * conditioned load input within what the generator was trained on (beyond it the generator would
     * extrapolate, silently).
     *
     * @param name the generator's name in messages (its directory)
     * @throws UserInputException naming the first input that does not fit
     */
    public static Scenario of(ConditionalGenerator generator, CaseSpec draws, GivenInputs given, String name) {
        Conditioning conditioning = generator.conditioning();
        conditioning.requireInputsOf(draws, name);
        CaseSpec trained = generator.trainedCase();
        requireWithin("amplitude", draws.load().amplitude(), trained.load().amplitude(), conditioning, given, name);
        requireWithin("duration", draws.load().duration(), trained.load().duration(), conditioning, given, name);
        requireWithin("centre", draws.load().centre(), trained.load().centre(), conditioning, given, name);
        return new Scenario(generator, draws, given);
    }

    private static void requireWithin(String input, ScalarDistribution drawn, ScalarDistribution trained,
                                      Conditioning conditioning, GivenInputs given, String name) {
        if (conditioning.has(input) && !given.values().containsKey(input)
                && (drawn.lowerBound() < trained.lowerBound() || drawn.upperBound() > trained.upperBound())) {
            throw new UserInputException("--case", "draws " + input + " from " + drawn.text() + ", beyond what generator '"
                    + name + "' was trained on (" + trained.text() + "): it would extrapolate; narrow the case's "
                    + input + " or hold it with --given");
        }
    }

    @Override
    public GeneratorKind kind() {
        return generator.kind();
    }

    @Override
    public int[] featureShape() {
        return generator.featureShape();
    }

    @Override
    public double[][] sample(long seed, long first, int n) {
        return generator.sample(seed, first, n, new InputDraws(draws, seed, given).rows(first, n));
    }
}
