package org.submodeluq.cases;

/** Counts in words for what the tools print: "1 thread", "2 threads". */
public final class Counts {

    private Counts() {
    }

    /** {@code count} and the noun, in the plural unless the count is one. */
    public static String of(long count, String noun) {
        return count + " " + (count == 1 ? noun : noun + "s");
    }
}
