package org.submodeluq.montecarlo.multifidelity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.submodeluq.montecarlo.estimate.Interval;

/**
 * The multifidelity answer for every quantity, with the rows it improves on, and, where held-out full
 * runs exist, whether each interval covers their mean: what an engineer takes home, and how far to trust it.
 *
 * @param caseName the case
 * @param surrogates the surrogates' names, in the order of the estimates' weights
 * @param quantities one estimate per quantity
 * @param reference held-out full runs to check against, or null
 * @param costs thread-seconds of a full run and of each surrogate's sample, or null when not measured
 * @param level the intervals' confidence level
 */
public record MultifidelityReport(String caseName, List<String> surrogates, List<QuantityEstimate> quantities,
        Reference reference, Costs costs, double level) {

    public MultifidelityReport {
        surrogates = List.copyOf(surrogates);
        quantities = List.copyOf(quantities);
    }

    /**
     * A surrogate's quantities at the full runs' inputs (cross-fitted) and at its own fresh inputs, one row of
     * quantities per run or sample.
     */
    public record Surrogate(String name, double[][] paired, double[][] cheap) {
    }

    /**
     * Estimates every quantity of {@code names} from the full runs' quantities (one row per run) and the
     * surrogates', checked against {@code reference} (held-out runs' quantities) when it is not null.
     */
    public static MultifidelityReport estimate(String caseName, List<String> names, double[][] fullRuns,
                                               List<Surrogate> surrogates, double[][] reference, Costs costs,
                                               double level) {
        List<QuantityEstimate> quantities = new ArrayList<>();
        for (int q = 0; q < names.size(); q++) {
            double[][] paired = new double[surrogates.size()][];
            double[][] cheap = new double[surrogates.size()][];
            for (int k = 0; k < surrogates.size(); k++) {
                paired[k] = column(surrogates.get(k).paired(), q);
                cheap[k] = column(surrogates.get(k).cheap(), q);
            }
            PairedSample sample = PairedSample.of(column(fullRuns, q), paired, cheap);
            quantities.add(QuantityEstimate.of(names.get(q), sample, level));
        }
        return new MultifidelityReport(caseName, surrogates.stream().map(Surrogate::name).toList(), quantities,
                reference == null ? null : Reference.of(reference, quantities), costs, level);
    }

    private static double[] column(double[][] rows, int q) {
        return Arrays.stream(rows).mapToDouble(row -> row[q]).toArray();
    }

    /**
     * Held-out full runs, never paired nor fitted on: their mean and share above each quantity's threshold,
     * with their own sampling noise (a covered interval is judged against a target that is itself noisy).
     */
    public record Reference(int runs, double[] means, double[] standardErrors, double[] exceedances) {

        public Reference {
            means = means.clone();
            standardErrors = standardErrors.clone();
            exceedances = exceedances.clone();
        }

        /** The reference of {@code runs} (one row of quantities per run) at each estimate's threshold. */
        public static Reference of(double[][] runs, List<QuantityEstimate> quantities) {
            int count = quantities.size();
            double[] means = new double[count];
            double[] errors = new double[count];
            double[] exceedances = new double[count];
            for (int q = 0; q < count; q++) {
                double[] x = column(runs, q);
                means[q] = Moments.mean(x);
                errors[q] = Math.sqrt(Moments.covariance(x, x) / x.length);
                double threshold = quantities.get(q).threshold();
                exceedances[q] = (double) Arrays.stream(x).filter(v -> v > threshold).count() / x.length;
            }
            return new Reference(runs.length, means, errors, exceedances);
        }
    }

    /** Thread-seconds per full run and per sample of each surrogate. */
    public record Costs(double fullRun, double[] surrogates) {

        public Costs {
            surrogates = surrogates.clone();
        }

        /**
         * Plain Monte Carlo on full runs needs {@code varianceReduction} times the pairs' full runs for the
         * same precision; this estimate spent the pairs' full runs plus the cheap samples.
         */
        double speedUp(QuantityEstimate estimate) {
            double spent = estimate.pairs() * fullRun;
            int[] cheap = estimate.cheapSizes();
            for (int k = 0; k < cheap.length; k++) {
                spent += cheap[k] * surrogates[k];
            }
            return estimate.mean().varianceReduction() * estimate.pairs() * fullRun / spent;
        }
    }

    /** The report as Markdown: an introduction, then one table per quantity. */
    public String markdown() {
        StringBuilder out = new StringBuilder(intro()).append("\n");
        for (int q = 0; q < quantities.size(); q++) {
            QuantityEstimate estimate = quantities.get(q);
            out.append("\n**").append(estimate.quantity()).append("**\n\n").append(summary(q)).append("\n\n");
            out.append("| ").append(String.join(" | ", headings(q))).append(" |\n");
            out.append("|---".repeat(headings(q).size())).append("|\n");
            for (List<String> row : rows(q)) {
                out.append("| ").append(String.join(" | ", row)).append(" |\n");
            }
        }
        return out.toString();
    }

    /** The paragraph above the tables: what was paired with what, and what the reference is. */
    public String intro() {
        String text = String.format(Locale.ROOT, "Case %s: multifidelity estimates from %d full runs paired with "
                        + "%s at the same inputs (cross-fitted: from fits that left each run out), corrected by cheap "
                        + "samples at fresh inputs (%s). The full runs alone and each surrogate alone are the rows it "
                        + "improves on; P(Q > t) at the full runs' %.0fth percentile; %s intervals.", caseName,
                quantities.get(0).pairs(), String.join(" and ", surrogates), cheapSizes(),
                100 * QuantityEstimate.THRESHOLD_PROBABILITY, percent(level));
        if (reference != null) {
            text += String.format(Locale.ROOT, " The reference is the mean of %d held-out full runs, never paired nor "
                    + "fitted on; its own standard error is in its row, and z is each estimate's distance from it in "
                    + "standard errors of the difference (both noises): |z| above 2 is a disagreement.",
                    reference.runs());
        }
        return text;
    }

    private String cheapSizes() {
        int[] sizes = quantities.get(0).cheapSizes();
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < sizes.length; k++) {
            parts.add(sizes[k] + " of " + surrogates.get(k));
        }
        return String.join(", ", parts);
    }

    /** Quantity {@code q}'s correlations, weights, variance reduction and speed-up, in a sentence. */
    public String summary(int q) {
        QuantityEstimate estimate = quantities.get(q);
        ControlVariateEstimate mean = estimate.mean();
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < surrogates.size(); k++) {
            parts.add(String.format(Locale.ROOT, "%s correlation %.3f, weight %.3f", surrogates.get(k),
                    mean.correlations()[k], mean.weights()[k]));
        }
        String text = String.format(Locale.ROOT, "%s. Variance of the mean reduced %.1fx: the interval is %.2fx "
                + "narrower than the full runs' own", String.join("; ", parts), mean.varianceReduction(),
                estimate.narrowing());
        if (costs != null) {
            text += String.format(Locale.ROOT, "; at equal thread time %.1fx more precise than plain Monte Carlo on "
                    + "full runs", costs.speedUp(estimate));
        }
        return text + ".";
    }

    /** The column headings of quantity {@code q}'s table. */
    public List<String> headings(int q) {
        return List.of("estimator", "runs / samples", "mean [" + percent(level) + " interval]", "±",
                "P(Q > " + format(quantities.get(q).threshold()) + ") [interval]", "z against the reference");
    }

    /** The rows of quantity {@code q}'s table, cells as printed. */
    public List<List<String>> rows(int q) {
        QuantityEstimate estimate = quantities.get(q);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("multifidelity", estimate.pairs() + " / " + cheapSizes(estimate.cheapSizes()),
                interval(estimate.mean().estimate(), estimate.mean().interval()),
                relative(estimate.mean().interval()), interval(estimate.exceedance().estimate(),
                        estimate.exceedanceInterval()), z(q, estimate.mean().estimate(),
                        estimate.mean().standardError())));
        rows.add(List.of("full runs only", String.valueOf(estimate.pairs()),
                interval(estimate.fullRunsMean().estimate(), estimate.fullRunsMean().interval()),
                relative(estimate.fullRunsMean().interval()), interval(estimate.fullRunsExceedance(),
                        estimate.fullRunsExceedanceInterval()), z(q, estimate.fullRunsMean().estimate(),
                        estimate.fullRunsMean().standardError())));
        for (int k = 0; k < surrogates.size(); k++) {
            PlainEstimate alone = estimate.surrogateMeans().get(k);
            rows.add(List.of(surrogates.get(k) + " only, uncorrected", String.valueOf(estimate.cheapSizes()[k]),
                    interval(alone.estimate(), alone.interval()), relative(alone.interval()), "",
                    z(q, alone.estimate(), alone.standardError())));
        }
        if (reference != null) {
            rows.add(List.of("reference (held-out full runs)", String.valueOf(reference.runs()),
                    format(reference.means()[q]) + " (standard error " + format(reference.standardErrors()[q]) + ")",
                    "", String.format(Locale.ROOT, "%.3f", reference.exceedances()[q]), ""));
        }
        return rows;
    }

    /**
     * The distance from the reference's mean in standard errors of the difference, both noises counted: an
     * interval narrower than the reference's own noise can miss its mean without being wrong, so coverage
     * of a noisy reference says little; |z| above 2 says the estimate and the reference disagree.
     */
    private String z(int q, double estimate, double standardError) {
        if (reference == null) {
            return "";
        }
        double difference = estimate - reference.means()[q];
        return String.format(Locale.ROOT, "%+.2f", difference / Math.hypot(standardError,
                reference.standardErrors()[q]));
    }

    private static String cheapSizes(int[] sizes) {
        return String.join(" + ", Arrays.stream(sizes).mapToObj(String::valueOf).toList());
    }

    private static String interval(double estimate, Interval interval) {
        return format(estimate) + " [" + format(interval.lower()) + ", " + format(interval.upper()) + "]";
    }

    private static String relative(Interval interval) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * interval.halfWidth() / Math.abs(interval.centre()));
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.5g", value);
    }

    private static String percent(double level) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * level);
    }
}
