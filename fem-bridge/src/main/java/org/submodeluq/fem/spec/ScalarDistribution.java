package org.submodeluq.fem.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.submodeluq.core.UserInputException;

/**
 * The law of one scalar input of the case. Written in a case file as a plain number (fixed value),
 * {@code uniform(min=a, max=b)} or {@code lognormal(median=m, logStd=s)}; the text form keeps a
 * distribution atomic when a case file is laid over the default case.
 */
public sealed interface ScalarDistribution {

    /** Draws one value; a fixed value consumes no random numbers. */
    double sample(UniformRandomProvider rng);

    /** Smallest value a draw can take. */
    double lowerBound();

    /** Largest value a draw can take. */
    double upperBound();

    /** Whether a draw can take {@code value}: inside the bounds, and above 0 for a spread log-normal. */
    default boolean supports(double value) {
        return value >= lowerBound() && value <= upperBound();
    }

    /** The case-file text of this distribution. */
    @JsonValue
    String text();

    /** A value that does not vary. */
    record Fixed(double value) implements ScalarDistribution {
        public Fixed {
            if (!Double.isFinite(value)) {
                throw new UserInputException("", "= " + value + " is not allowed: must be a finite number");
            }
        }

        @Override public double sample(UniformRandomProvider rng) {
            return value;
        }

        @Override public double lowerBound() {
            return value;
        }

        @Override public double upperBound() {
            return value;
        }

        @Override public String text() {
            return Double.toString(value);
        }
    }

    /** Uniform on [min, max]. */
    record Uniform(double min, double max) implements ScalarDistribution {
        public Uniform {
            if (!(Double.isFinite(min) && Double.isFinite(max) && min <= max)) {
                throw new UserInputException("", "= uniform(min=" + min + ", max=" + max
                        + ") is not allowed: needs finite min <= max");
            }
        }

        @Override public double sample(UniformRandomProvider rng) {
            return min + (max - min) * rng.nextDouble();
        }

        @Override public double lowerBound() {
            return min;
        }

        @Override public double upperBound() {
            return max;
        }

        @Override public String text() {
            return "uniform(min=" + min + ", max=" + max + ")";
        }
    }

    /** exp(N(log median, logStd^2)): positive, right-skewed, as amplitudes of impacts are. */
    record LogNormal(double median, double logStd) implements ScalarDistribution {
        public LogNormal {
            if (!(median > 0 && Double.isFinite(median) && logStd >= 0 && Double.isFinite(logStd))) {
                throw new UserInputException("", "= lognormal(median=" + median + ", logStd=" + logStd
                        + ") is not allowed: needs median > 0 and logStd >= 0");
            }
        }

        @Override public double sample(UniformRandomProvider rng) {
            return median * Math.exp(logStd * ZigguratSampler.NormalizedGaussian.of(rng).sample());
        }

        @Override public double lowerBound() {
            return logStd == 0 ? median : 0;
        }

        @Override public double upperBound() {
            return logStd == 0 ? median : Double.POSITIVE_INFINITY;
        }

        @Override public boolean supports(double value) {
            return logStd == 0 ? value == median : value > 0 && value < Double.POSITIVE_INFINITY;
        }

        @Override public String text() {
            return "lognormal(median=" + median + ", logStd=" + logStd + ")";
        }
    }

    /** A plain number in the case file. */
    @JsonCreator
    static ScalarDistribution of(double value) {
        return new Fixed(value);
    }

    /** Parses the case-file text form; see the interface documentation. */
    @JsonCreator
    static ScalarDistribution parse(String text) {
        String trimmed = text.trim();
        Matcher call = Pattern.compile("(\\w+)\\s*\\((.*)\\)").matcher(trimmed);
        if (!call.matches()) {
            return new Fixed(number(trimmed, text));
        }
        return switch (call.group(1)) {
            case "uniform" -> {
                double[] args = arguments(call.group(2), text, "min", "max");
                yield new Uniform(args[0], args[1]);
            }
            case "lognormal" -> {
                double[] args = arguments(call.group(2), text, "median", "logStd");
                yield new LogNormal(args[0], args[1]);
            }
            default -> throw syntax(text);
        };
    }

    /** The values of {@code key=value} pairs, in the order of {@code names}, which must all be given once. */
    private static double[] arguments(String list, String text, String... names) {
        Map<String, Double> args = new LinkedHashMap<>();
        for (String pair : list.split(",")) {
            String[] keyValue = pair.split("=");
            if (keyValue.length != 2 || args.put(keyValue[0].trim(), number(keyValue[1], text)) != null) {
                throw syntax(text);
            }
        }
        if (!args.keySet().equals(Set.of(names))) {
            throw syntax(text);
        }
        double[] values = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = args.get(names[i]);
        }
        return values;
    }

    private static double number(String value, String text) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw syntax(text);
        }
    }

    private static UserInputException syntax(String text) {
        String cut = text.contains("(") && !text.contains(")") ? " (inside {...} YAML splits at the comma: put the "
                + "distribution in quotes, \"uniform(min=a, max=b)\")" : "";
        return new UserInputException("", "= '" + text + "' is not a distribution: write a number, "
                + "uniform(min=a, max=b) or lognormal(median=m, logStd=s)" + cut);
    }
}
