package org.submodeluq.core;

/**
 * A user error anywhere in the project (a case description, an option, a file handed to a command): the message is one line that
 * names the offending field, its value and the rule it breaks, so the command line can print it
 * without a stack trace.
 */
public class UserInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rule;

    /**
     * @param field what the user gave: the dotted path of a case key relative to the record that found it,
     *     an option or a setting
     * @param rule what is wrong and what is allowed, starting with the value
     */
    public UserInputException(String field, String rule) {
        super(field + " " + rule);
        this.field = field;
        this.rule = rule;
    }

    /** A free-form user error that is not tied to one field. */
    public UserInputException(String message) {
        super(message);
        this.field = "";
        this.rule = message;
    }

    /**
     * Checks one rule of one setting, so that an error names the one value that breaks it, not a list of
     * every constraint.
     *
     * @param allowed what the setting must be, e.g. "an integer >= 1"
     * @throws UserInputException "field = value is not allowed: must be allowed" unless {@code holds}
     */
    public static void require(boolean holds, String field, Object value, String allowed) {
        if (!holds) {
            throw new UserInputException(field, "= " + value + " is not allowed: must be " + allowed);
        }
    }

    /** What the user gave that is wrong: a setting's name, a case key's dotted path; empty if none. */
    public String field() {
        return field;
    }

    /** What is wrong and what is allowed, without the field. */
    public String rule() {
        return rule;
    }

    /** The same rule broken, told of {@code name}: the field as the user gave it (an option, for the CLI). */
    public UserInputException named(String name) {
        return new UserInputException(name, rule);
    }

    /**
     * The same error seen from an enclosing record, whose key is {@code parent}; an error raised by
     * a value that does not know its own key ({@code field} empty) takes the parent's key.
     */
    public UserInputException under(String parent) {
        if (parent.isEmpty()) {
            return this;
        }
        return new UserInputException(field.isEmpty() ? parent : parent + "." + field, rule);
    }
}
