package org.submodeluq.cases.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.montecarlo.estimate.ConfidenceLevel;
import org.submodeluq.montecarlo.multifidelity.Allocation;
import org.submodeluq.montecarlo.multifidelity.CrossFittedSurrogates;
import org.submodeluq.montecarlo.multifidelity.MultifidelityFile;
import org.submodeluq.montecarlo.multifidelity.MultifidelityReport;
import org.submodeluq.montecarlo.multifidelity.QuantityEstimate;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code submodel-uq plan}: how many full runs and surrogate samples reach a precision, or how precise a
 * budget makes each mean, from the correlations and costs a multifidelity estimate measured.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Plans a multifidelity study from an estimate (made by estimate or run): per quantity, the "
                + "full runs and surrogate samples that reach --half-width, or that --budget buys, by MFMC's optimal "
                + "allocation (Peherstorfer, Willcox and Gunzburger 2016) on the correlations and costs it measured, "
                + "against plain Monte Carlo on full runs.",
                "Surrogates that do not pay for their cost are left out, and the plan says so."})
final class PlanCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--estimate", paramLabel = "FILE", required = true,
            description = "Multifidelity estimate (estimate.h5) whose correlations, spread and costs plan the study.")
    private Path estimate;

    @ArgGroup(multiplicity = "1")
    private Goal goal;

    /** Either a precision to reach or a budget to spend. */
    static final class Goal {

        @Option(names = "--half-width", paramLabel = "REL", required = true,
                description = "Target half-width of every mean's interval, relative to the mean, e.g. 0.01.")
        private Double halfWidth;

        @Option(names = "--budget", paramLabel = "SECONDS", required = true,
                description = "Thread-seconds to spend.")
        private Double budget;
    }

    @Option(names = "--max-budget", paramLabel = "SECONDS",
            description = "With --half-width: refuse a plan that costs more, and say what this budget reaches.")
    private Double maxBudget;

    @Option(names = "--full-run-seconds", paramLabel = "S",
            description = "Thread-seconds of a full run (default: what the estimate recorded).")
    private Double fullRunSeconds;

    @Option(names = "--surrogate-seconds", paramLabel = "S[,S...]", split = ",",
            description = "Thread-seconds of a sample of each surrogate, in the estimate's order (default: what it "
                    + "recorded).")
    private double[] surrogateSeconds;

    @Override
    public Integer call() {
        MultifidelityReport report = MultifidelityFile.read(estimate, QuantitiesOfInterest.NAMES);
        double[] surrogateCosts = surrogateCosts(report);
        double fullRunCost = fullRunCost(report);
        if (goal.halfWidth != null) {
            UserInputException.require(goal.halfWidth > 0 && goal.halfWidth < 1, "--half-width", goal.halfWidth,
                    "a fraction of the mean in (0, 1), e.g. 0.01");
        } else {
            UserInputException.require(goal.budget > 0, "--budget", goal.budget, "positive thread-seconds");
        }
        PrintWriter out = command.commandLine().getOut();
        out.printf(Locale.ROOT, "Plan from %s: a full run costs %.4g thread-s; %s.%n", estimate, fullRunCost,
                describeCosts(report.surrogates(), surrogateCosts));
        long fullRuns = 0;
        long[] fresh = new long[surrogateCosts.length];
        for (QuantityEstimate quantity : report.quantities()) {
            Optional<QuantityPlan> plan = plan(quantity, report, fullRunCost, surrogateCosts);
            if (plan.isEmpty()) {
                out.printf(Locale.ROOT, "  %s: no surrogate pays for its cost here; plain Monte Carlo on full runs.%n",
                        quantity.quantity());
                continue;
            }
            out.println("  " + plan.get().describe(quantity, report.surrogates()));
            fullRuns = Math.max(fullRuns, plan.get().plan().fullRuns());
            for (int k = 0; k < fresh.length; k++) {
                fresh[k] = Math.max(fresh[k], plan.get().freshSamples()[k]);
            }
        }
        if (goal.halfWidth != null) {
            out.printf(Locale.ROOT, "Every quantity at once: %d full runs and %s at fresh inputs.%n", fullRuns,
                    describeSamples(report.surrogates(), fresh));
            out.println(follow(report.surrogates(), fullRuns, fresh));
            int pairs = report.quantities().get(0).pairs();
            if (fullRuns < pairs) {
                out.printf(Locale.ROOT, "The correlations were measured with surrogates fitted on %d runs; fitted on "
                        + "%d they correlate less, so the plan is optimistic there.%n", pairs, fullRuns);
            }
        }
        out.flush();
        return 0;
    }

    /** One quantity's plan: which surrogates, how many of each, and plain Monte Carlo beside it. */
    private record QuantityPlan(int surrogates, int[] kept, Allocation.Plan plan, double sigma, double mean,
                                double fullRunCost, double level) {

        /** Fresh samples of every surrogate of the estimate, 0 for those left out. */
        long[] freshSamples() {
            long[] fresh = new long[surrogates];
            long[] planned = plan.freshSurrogateRuns();
            for (int j = 0; j < kept.length; j++) {
                fresh[kept[j]] = planned[j];
            }
            return fresh;
        }

        String describe(QuantityEstimate quantity, List<String> names) {
            double z = ConfidenceLevel.normalQuantile(level);
            double halfWidth = z * sigma * Math.sqrt(plan.relativeVariance());
            double plainRuns = Math.pow(z * sigma / halfWidth, 2);
            List<String> samples = new ArrayList<>();
            long[] planned = plan.freshSurrogateRuns();
            for (int j = 0; j < kept.length; j++) {
                samples.add(planned[j] + " of " + names.get(kept[j]));
            }
            return String.format(Locale.ROOT, "%s: %d full runs and %s at fresh inputs, %.4g thread-s: half-width "
                            + "%.3g (%.2f %% of the mean); plain Monte Carlo needs %.0f full runs (%.4g thread-s) for "
                            + "that, %.1fx the cost", quantity.quantity(), plan.fullRuns(), String.join(" and ", samples),
                    plan.cost(), halfWidth, 100 * halfWidth / Math.abs(mean), plainRuns, plainRuns * fullRunCost,
                    plainRuns * fullRunCost / plan.cost());
        }
    }

    private Optional<QuantityPlan> plan(QuantityEstimate quantity, MultifidelityReport report, double fullRunCost,
                                        double[] surrogateCosts) {
        double[] correlations = quantity.mean().correlations();
        Optional<Allocation.Selection> selection = Allocation.best(fullRunCost, surrogateCosts, correlations);
        if (selection.isEmpty()) {
            return Optional.empty();
        }
        Allocation allocation = selection.get().allocation();
        double sigma = quantity.fullRunsMean().standardError() * Math.sqrt(quantity.pairs());
        double mean = quantity.mean().estimate();
        Allocation.Plan plan;
        try {
            plan = goal.budget != null ? allocation.forBudget(goal.budget)
                    : allocation.forHalfWidth(sigma, goal.halfWidth * Math.abs(mean), report.level(),
                    maxBudget == null ? Double.POSITIVE_INFINITY : maxBudget);
        } catch (IllegalArgumentException unreachable) {
            throw new UserInputException(quantity.quantity() + ": " + unreachable.getMessage());
        }
        return Optional.of(new QuantityPlan(surrogateCosts.length, selection.get().surrogates(), plan, sigma, mean, fullRunCost,
                report.level()));
    }

    private double fullRunCost(MultifidelityReport report) {
        if (fullRunSeconds != null) {
            UserInputException.require(fullRunSeconds > 0, "--full-run-seconds", fullRunSeconds, "positive");
            return fullRunSeconds;
        }
        if (report.costs() == null) {
            throw new UserInputException("--full-run-seconds", "is needed: " + estimate + " records no costs");
        }
        return report.costs().fullRun();
    }

    private double[] surrogateCosts(MultifidelityReport report) {
        int count = report.surrogates().size();
        if (surrogateSeconds != null) {
            if (surrogateSeconds.length != count || Arrays.stream(surrogateSeconds).anyMatch(s -> !(s > 0))) {
                throw new UserInputException("--surrogate-seconds", "= " + Arrays.toString(surrogateSeconds)
                        + " must give " + count + " positive costs, one per surrogate of the estimate "
                        + report.surrogates());
            }
            return surrogateSeconds.clone();
        }
        if (report.costs() == null) {
            throw new UserInputException("--surrogate-seconds", "is needed: " + estimate + " records no costs");
        }
        return report.costs().surrogates();
    }

    private static String describeCosts(List<String> names, double[] costs) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < costs.length; k++) {
            parts.add(String.format(Locale.ROOT, "a sample of %s %.3g", names.get(k), costs[k]));
        }
        return String.join(", ", parts);
    }

    /** The commands that carry the plan out, for the surrogates estimate knows. */
    private static String follow(List<String> names, long fullRuns, long[] fresh) {
        int submodel = names.indexOf(CrossFittedSurrogates.SUBMODEL);
        int emulator = names.indexOf(CrossFittedSurrogates.EMULATOR);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "To follow it: a mean map trained on %d "
                + "full runs (train --model mean-map, its training split that size)", fullRuns));
        if (submodel >= 0 && fresh[submodel] > 0) {
            text.append(String.format(Locale.ROOT, ", mc --generator DIR --cross-fit-folds --samples %d",
                    fresh[submodel]));
        }
        text.append(String.format(Locale.ROOT, ", estimate %s", emulator >= 0 && fresh[emulator] > 0
                ? "--emulator-samples " + fresh[emulator] : "--emulator-samples 0"));
        return text.append('.').toString();
    }

    private static String describeSamples(List<String> names, long[] fresh) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < fresh.length; k++) {
            parts.add(fresh[k] + " of " + names.get(k));
        }
        return String.join(" and ", parts);
    }
}
