package org.submodeluq.cases.cli;

import java.util.List;
import org.submodeluq.core.UserInputException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Options given together where one would silently win: refused, so that a user never reads results
 * of settings other than the ones they typed.
 */
final class Contradictions {

    private Contradictions() {
    }

    /** Refuses {@code first} and {@code second} given together; {@code why} says which choice they share. */
    static void refuseTogether(CommandSpec command, String first, String second, String why) {
        if (given(command, first) && given(command, second)) {
            throw new UserInputException(first, "and " + second + " " + why + ": give one of them");
        }
    }

    /** Refuses any two of {@code options} given together; {@code why} says which choice they share. */
    static void refuseTogether(CommandSpec command, List<String> options, String why) {
        for (int i = 0; i < options.size(); i++) {
            for (int j = i + 1; j < options.size(); j++) {
                refuseTogether(command, options.get(i), options.get(j), why);
            }
        }
    }

    /** Refuses any of {@code options} given where {@code ignored} holds; {@code because} says why they do nothing. */
    static void refuseIgnored(CommandSpec command, List<String> options, boolean ignored, String because) {
        for (String option : options) {
            if (ignored && given(command, option)) {
                throw new UserInputException(option, "would be ignored: " + because);
            }
        }
    }

    static boolean given(CommandSpec command, String option) {
        return command.commandLine().getParseResult().hasMatchedOption(option);
    }
}
