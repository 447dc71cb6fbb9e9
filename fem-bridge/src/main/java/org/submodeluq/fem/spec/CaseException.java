package org.submodeluq.fem.spec;

/**
 * A user error in a case description or in data handed to a model: the message is one line that
 * names the offending field, its value and the rule it breaks, so the command line can print it
 * without a stack trace.
 */
public class CaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rule;

    /**
     * @param field dotted path of the offending key, relative to the record that found it
     * @param rule what is wrong and what is allowed, starting with the value
     */
    public CaseException(String field, String rule) {
        super(field + " " + rule);
        this.field = field;
        this.rule = rule;
    }

    /** A free-form user error that is not tied to one field. */
    public CaseException(String message) {
        super(message);
        this.field = "";
        this.rule = message;
    }

    /**
     * The same error seen from an enclosing record, whose key is {@code parent}; an error raised by
     * a value that does not know its own key ({@code field} empty) takes the parent's key.
     */
    public CaseException under(String parent) {
        if (parent.isEmpty()) {
            return this;
        }
        return new CaseException(field.isEmpty() ? parent : parent + "." + field, rule);
    }

    static void requirePositive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new CaseException(field, "= " + value + " is not allowed: must be a finite number > 0");
        }
    }

    static void requirePositive(String field, int value) {
        if (value <= 0) {
            throw new CaseException(field, "= " + value + " is not allowed: must be an integer > 0");
        }
    }

    static void requireNonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new CaseException(field, "= " + value + " is not allowed: must be a finite number >= 0");
        }
    }

    static void requireInRange(String field, double value, double lower, double upper, String allowed) {
        if (!(value >= lower && value <= upper)) {
            throw new CaseException(field, "= " + value + " is not allowed: must be " + allowed);
        }
    }

    static <T> T requirePresent(String field, T value) {
        if (value == null) {
            throw new CaseException(field, "is missing");
        }
        return value;
    }
}
