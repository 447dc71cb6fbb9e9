package org.submodeluq.core;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A choice that users and files spell in lower-case words ({@code batch-means}, {@code pca-gaussian})
 * rather than by its Java constant, so that the spelling lives with the choice and one lookup serves
 * every enum of the kind.
 */
public interface Named {

    /** The name users type and files record. */
    String text();

    /**
     * The constant of {@code type} named {@code text}.
     *
     * @param what the kind of choice in words, for the error ("mean interval method")
     * @throws IllegalArgumentException naming the allowed names when none matches
     */
    static <E extends Enum<E> & Named> E parse(Class<E> type, String text, String what) {
        for (E value : type.getEnumConstants()) {
            if (value.text().equals(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException(what + " '" + text + "' is unknown; allowed: " + Arrays
                .stream(type.getEnumConstants()).map(Named::text).collect(Collectors.joining(", ")));
    }
}
