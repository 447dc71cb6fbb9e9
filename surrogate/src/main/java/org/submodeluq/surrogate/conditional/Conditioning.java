package org.submodeluq.surrogate.conditional;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.model.Theta;
import org.submodeluq.fem.spec.CaseSpec;

/**
 * The inputs of a case a generator is conditioned on, in the case's own order (amplitude, duration,
 * centre, xi_1 .. xi_m). The inputs left out are the non-parametric part: the generator carries their
 * effect in its noise.
 *
 * @param names the conditioned inputs, a subset of {@link Theta#names} in that order
 * @param inputs every input of the case, in order
 */
public record Conditioning(List<String> names, List<String> inputs) {

    /** Spelling of "every input of the case". */
    public static final String ALL = "all";
    /** Spelling of "the load's inputs": amplitude, duration and centre. */
    public static final String LOAD = "load";

    public Conditioning {
        names = List.copyOf(names);
        inputs = List.copyOf(inputs);
    }

    /** Every input of {@code spec}. */
    public static Conditioning all(CaseSpec spec) {
        List<String> inputs = Theta.names(spec.modulusField().modes());
        return new Conditioning(inputs, inputs);
    }

    /**
     * Reads {@code --condition}: {@value #ALL}, {@value #LOAD}, or a comma-separated list of the case's
     * input names.
     *
     * @throws UserInputException naming the input the case does not have, and the inputs it has
     */
    public static Conditioning parse(String text, CaseSpec spec) {
        List<String> inputs = Theta.names(spec.modulusField().modes());
        Set<String> wanted = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String name = part.strip();
            switch (name) {
                case ALL -> wanted.addAll(inputs);
                case LOAD -> wanted.addAll(inputs.subList(0, 3));
                default -> {
                    if (!inputs.contains(name)) {
                        throw new UserInputException("--condition", "'" + name + "' is not an input of case "
                                + spec.name() + "; its inputs are " + describe(inputs) + " (or '" + ALL + "', '"
                                + LOAD + "')");
                    }
                    wanted.add(name);
                }
            }
        }
        List<String> names = new ArrayList<>(inputs);
        names.retainAll(wanted);
        UserInputException.require(!names.isEmpty(), "--condition", text, "at least one input of case " + spec.name());
        return new Conditioning(names, inputs);
    }

    /** Whether {@code input} is one of the conditioned inputs. */
    public boolean has(String input) {
        return names.contains(input);
    }

    /** Positions of the conditioned inputs in a row of all inputs ({@link Theta#toArray()}). */
    public int[] positions() {
        return names.stream().mapToInt(inputs::indexOf).toArray();
    }

    /** The conditioned inputs as a comma-separated list, as {@code --condition} takes them. */
    public String text() {
        return String.join(",", names);
    }

    /**
     * Refuses a case whose inputs are not the ones this generator was trained with: its conditioned
     * values would be read from the wrong positions.
     */
    public void requireInputsOf(CaseSpec spec, String generator) {
        List<String> theirs = Theta.names(spec.modulusField().modes());
        if (!theirs.equals(inputs)) {
            throw new UserInputException("--case", "'" + spec.name() + "' has the inputs " + describe(theirs)
                    + " but generator '" + generator + "' is conditioned on inputs of a case with " + describe(inputs)
                    + "; train a generator on this case");
        }
    }

    private static String describe(List<String> inputs) {
        List<String> shown = inputs.size() > 5
                ? List.of(inputs.get(0), inputs.get(1), inputs.get(2), inputs.get(3) + " .. " + inputs.get(inputs.size() - 1))
                : inputs;
        return String.join(", ", shown);
    }

    @Override
    public String toString() {
        return "Conditioning" + Arrays.toString(names.toArray());
    }
}
