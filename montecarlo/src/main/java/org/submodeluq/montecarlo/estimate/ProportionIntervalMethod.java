package org.submodeluq.montecarlo.estimate;

import org.submodeluq.core.Named;

/** How a confidence interval of a probability is computed from a count (see {@link Proportions}). */
public enum ProportionIntervalMethod implements Named {
    /** Wilson score interval: close to nominal coverage, sensible at 0 and n successes. */
    WILSON("wilson"),
    /** Clopper-Pearson exact interval: never below nominal coverage, hence wider. */
    CLOPPER_PEARSON("clopper-pearson");

    private final String text;

    ProportionIntervalMethod(String text) {
        this.text = text;
    }

    @Override
    public String text() {
        return text;
    }
}
