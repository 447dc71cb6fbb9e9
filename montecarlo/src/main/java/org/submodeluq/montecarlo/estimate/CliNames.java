package org.submodeluq.montecarlo.estimate;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks up an enum constant by its command-line name, shared by the interval-method enums. */
final class CliNames {

    private CliNames() {
    }

    /** The constant of {@code values} whose name is {@code text}; {@code what} names the kind in the error. */
    static <E> E find(E[] values, Function<E, String> cliName, String text, String what) {
        for (E value : values) {
            if (cliName.apply(value).equals(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException(what + " '" + text + "' is unknown; allowed: "
                + Arrays.stream(values).map(cliName).collect(Collectors.joining(", ")));
    }
}
