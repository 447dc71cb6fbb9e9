package org.submodeluq.fem.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The random inputs of one full run, theta = (amplitude, duration, centre, xi_1 .. xi_m): the impact's
 * peak traction, length and position along the edge, and the Karhunen-Loeve coefficients of the
 * modulus field.
 */
public record Theta(double amplitude, double duration, double centre, double[] xi) {

    public Theta {
        xi = xi.clone();
    }

    @Override
    public double[] xi() {
        return xi.clone();
    }

    /** Names of the entries of {@link #toArray()} for a field of {@code modes} terms. */
    public static List<String> names(int modes) {
        List<String> names = new ArrayList<>(List.of("amplitude", "duration", "centre"));
        for (int k = 1; k <= modes; k++) {
            names.add("xi_" + k);
        }
        return names;
    }

    /** theta as one vector, in the order of {@link #names}. */
    public double[] toArray() {
        double[] values = new double[3 + xi.length];
        values[0] = amplitude;
        values[1] = duration;
        values[2] = centre;
        System.arraycopy(xi, 0, values, 3, xi.length);
        return values;
    }

    /** The inverse of {@link #toArray()}. */
    public static Theta fromArray(double[] values) {
        if (values.length < 3) {
            throw new IllegalArgumentException("theta needs at least amplitude, duration and centre; got "
                    + values.length + " values");
        }
        return new Theta(values[0], values[1], values[2], Arrays.copyOfRange(values, 3, values.length));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Theta t && Arrays.equals(toArray(), t.toArray());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toArray());
    }

    @Override
    public String toString() {
        return "Theta" + Arrays.toString(toArray());
    }
}
