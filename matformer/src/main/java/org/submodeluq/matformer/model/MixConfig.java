package org.submodeluq.matformer.model;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.submodeluq.core.UserInputException;

/**
 * A Mix'n'Match configuration: the granularity (0 = smallest) each layer's feed-forward network uses.
 * Uniform configurations are the g nested models that were trained; the others are extracted without
 * training.
 */
public record MixConfig(int[] granularities) {

    public MixConfig {
        granularities = granularities.clone();
    }

    /** Granularity g in every one of {@code layers} layers. */
    public static MixConfig uniform(int layers, int granularity) {
        int[] each = new int[layers];
        Arrays.fill(each, granularity);
        return new MixConfig(each);
    }

    /** Parses "0,1,1,3". */
    public static MixConfig parse(String text) {
        try {
            return new MixConfig(Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt)
                    .toArray());
        } catch (NumberFormatException e) {
            throw new UserInputException("configuration '" + text + "' is not a comma-separated list of granularities, "
                    + "e.g. 0,1,1,3");
        }
    }

    @Override
    public int[] granularities() {
        return granularities.clone();
    }

    /** Whether every layer uses the same granularity. */
    public boolean isUniform() {
        return Arrays.stream(granularities).distinct().count() == 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MixConfig that && Arrays.equals(granularities, that.granularities);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(granularities);
    }

    @Override
    public String toString() {
        return Arrays.stream(granularities).mapToObj(String::valueOf).collect(Collectors.joining(","));
    }
}
