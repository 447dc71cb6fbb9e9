package org.submodeluq.fem.spec;

/** A choice spelled as a word in case files (an enum constant's YAML form). */
interface CaseKeyword {
    /** The case-file spelling. */
    String text();
}
