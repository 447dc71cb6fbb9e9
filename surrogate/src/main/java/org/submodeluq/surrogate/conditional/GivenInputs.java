package org.submodeluq.surrogate.conditional;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.fem.spec.ScalarDistribution;

/**
 * Inputs held fixed in a conditional campaign ({@code --given amplitude=1.2,duration=0.4}): the rest are
 * drawn from the case, so the campaign gives the distribution of the zone's quantities for one load
 * scenario without a single new full run.
 *
 * @param values fixed value by input name
 */
public record GivenInputs(Map<String, Double> values) {

    /** Nothing fixed. */
    public static final GivenInputs NONE = new GivenInputs(Map.of());

    public GivenInputs {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Reads {@code name=value[,name=value...]} and checks each input against the generator: it must be one
     * the generator is conditioned on, and the value one the case's distribution of it can take.
     *
     * @throws UserInputException naming the first offending pair
     */
    public static GivenInputs parse(String text, CaseSpec spec, Conditioning conditioning) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            String[] parts = pair.split("=", -1);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new UserInputException("--given", "'" + pair.strip() + "' is not NAME=VALUE, e.g. amplitude=1.2");
            }
            String name = parts[0].strip();
            double value;
            try {
                value = Double.parseDouble(parts[1].strip());
            } catch (NumberFormatException e) {
                throw new UserInputException("--given", name + "=" + parts[1].strip() + " is not a number");
            }
            if (!conditioning.inputs().contains(name)) {
                throw new UserInputException("--given", "'" + name + "' is not an input of case " + spec.name()
                        + "; the generator is conditioned on " + conditioning.text());
            }
            if (!conditioning.has(name)) {
                throw new UserInputException("--given", "the generator is not conditioned on " + name
                        + ", so it cannot hold it fixed; it is conditioned on " + conditioning.text());
            }
            requireSupported(spec, name, value);
            if (values.put(name, value) != null) {
                throw new UserInputException("--given", name + " is given twice");
            }
        }
        return new GivenInputs(values);
    }

    private static void requireSupported(CaseSpec spec, String name, double value) {
        ScalarDistribution law = switch (name) {
            case "amplitude" -> spec.load().amplitude();
            case "duration" -> spec.load().duration();
            case "centre" -> spec.load().centre();
            default -> null;
        };
        if (law == null ? !Double.isFinite(value) : !law.supports(value)) {
            throw new UserInputException("--given", name + "=" + value + " is outside what case " + spec.name()
                    + " draws for it (" + (law == null ? "a standard normal coefficient: any finite number" : law.text())
                    + "): the generator never saw such a run");
        }
    }

    /** Overwrites the fixed inputs in a row of all inputs, ordered as {@code inputs}. */
    public void applyTo(double[] row, List<String> inputs) {
        values.forEach((name, value) -> row[inputs.indexOf(name)] = value);
    }

    /** The values as {@code --given} takes them. */
    public String text() {
        StringBuilder text = new StringBuilder();
        values.forEach((name, value) -> text.append(text.isEmpty() ? "" : ",").append(name).append('=').append(value));
        return text.toString();
    }
}
