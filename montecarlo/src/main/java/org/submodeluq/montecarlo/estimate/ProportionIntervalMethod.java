package org.submodeluq.montecarlo.estimate;

/** How a confidence interval of a probability is computed from a count (see {@link Proportions}). */
public enum ProportionIntervalMethod {
    /** Wilson score interval: close to nominal coverage, sensible at 0 and n successes. */
    WILSON("wilson"),
    /** Clopper-Pearson exact interval: never below nominal coverage, hence wider. */
    CLOPPER_PEARSON("clopper-pearson");

    private final String cliName;

    ProportionIntervalMethod(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line. */
    public String cliName() {
        return cliName;
    }

    /** The method named {@code name} on the command line. */
    public static ProportionIntervalMethod fromCliName(String name) {
        return CliNames.find(values(), ProportionIntervalMethod::cliName, name, "proportion interval method");
    }
}
