package org.submodeluq.fem.spec;

import org.submodeluq.core.UserInputException;

/** The value rules case records check, each raising a {@link UserInputException} that names the field. */
final class Rules {

    private Rules() {
    }

    static void requirePositive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new UserInputException(field, "= " + value + " is not allowed: must be a finite number > 0");
        }
    }

    static void requirePositive(String field, int value) {
        if (value <= 0) {
            throw new UserInputException(field, "= " + value + " is not allowed: must be an integer > 0");
        }
    }

    static void requireNonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new UserInputException(field, "= " + value + " is not allowed: must be a finite number >= 0");
        }
    }

    static void requireInRange(String field, double value, double lower, double upper, String allowed) {
        if (!(value >= lower && value <= upper)) {
            throw new UserInputException(field, "= " + value + " is not allowed: must be " + allowed);
        }
    }

    static <T> T requirePresent(String field, T value) {
        if (value == null) {
            throw new UserInputException(field, "is missing");
        }
        return value;
    }
}
