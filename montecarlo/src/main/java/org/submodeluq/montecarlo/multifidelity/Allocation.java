package org.submodeluq.montecarlo.multifidelity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.submodeluq.montecarlo.estimate.ConfidenceLevel;

/**
 * MFMC's optimal split of a budget between full runs and surrogate evaluations (Peherstorfer, Willcox and
 * Gunzburger, SIAM J. Sci. Comput. 2016, Theorem 3.4 and Corollary 3.5), from the cost {@code w_0} of a
 * full run, the costs {@code w_i} of the surrogates and their correlations {@code rho_i} with the full
 * runs, ordered {@code |rho_1| > |rho_2| > ...}, with {@code rho_0 = 1} and {@code rho_(k+1) = 0}.
 *
 * <p>Surrogate {@code i} is evaluated {@code m_i = r_i m_0} times, {@code m_0 = n} the full runs, with
 * <pre>
 * r_i = sqrt( w_0 (rho_i^2 - rho_(i+1)^2) / (w_i (1 - rho_1^2)) ),
 * </pre>
 * which minimises, at budget {@code p = n (w_0 + sum_i w_i r_i)} and optimal weights, the variance
 * <pre>
 * Var = sigma_0^2 [ (1 - rho_1^2)/m_0 + sum_(i>=1) (rho_i^2 - rho_(i+1)^2)/m_i ]
 *     = sigma_0^2 / p (sum_(i>=0) sqrt(w_i (rho_i^2 - rho_(i+1)^2)))^2 .
 * </pre>
 * Plain Monte Carlo at the same budget has {@code sigma_0^2 w_0 / p}; the ratio is Corollary 3.5's.
 * The optimum needs {@code r_i} increasing, which holds exactly when every model earns its place:
 * {@code w_(i-1)/w_i > (rho_(i-1)^2 - rho_i^2)/(rho_i^2 - rho_(i+1)^2)} for i = 1..k; a broken condition
 * is rejected with the subset of surrogates that meets all of them and gains most.
 *
 * <p>With one surrogate the plan fits {@link ControlVariateMean}'s design exactly: the {@code m_1}
 * evaluations are the {@code n} at the full runs' inputs plus {@code M = m_1 - n} fresh ones
 * ({@link Plan#freshSurrogateRuns()}). With several, MFMC nests each surrogate's inputs in the next one's
 * and corrects surrogate by surrogate, while {@code ControlVariateMean} corrects the full runs by each
 * surrogate on independent sets; the plan is then a sensible allocation, not that estimator's optimum,
 * and the variance it predicts is MFMC's.
 *
 * <p>Sample sizes follow MXMCPy's MFMC: for a budget, {@code n = floor(p / (w_0 + sum w_i r_i))} and
 * {@code m_i = floor(r_i p / (w_0 + sum w_i r_i))}; for a target variance they are rounded up.
 */
public final class Allocation {

    private final double[] costs;
    private final double[] squaredCorrelations;
    private final double[] ratios;

    private Allocation(double[] costs, double[] squaredCorrelations) {
        this.costs = costs;
        this.squaredCorrelations = squaredCorrelations;
        int k = costs.length - 1;
        ratios = new double[k + 1];
        ratios[0] = 1;
        for (int i = 1; i <= k; i++) {
            ratios[i] = Math.sqrt(costs[0] * (squaredCorrelations[i] - squaredCorrelations[i + 1])
                    / (costs[i] * (1 - squaredCorrelations[1])));
        }
    }

    /**
     * The MFMC allocation of a full run of cost {@code fullRunCost} and surrogates of costs
     * {@code surrogateCosts} and correlations {@code correlations} (same order, decreasing in magnitude).
     *
     * @throws IllegalArgumentException if a cost is not positive, a correlation not in (-1, 1) or out of
     *     order, or a surrogate breaks the model-selection condition (the message names what to drop)
     */
    public static Allocation of(double fullRunCost, double[] surrogateCosts, double[] correlations) {
        int k = surrogateCosts.length;
        if (k == 0 || correlations.length != k) {
            throw new IllegalArgumentException("need one correlation per surrogate and at least one surrogate: got "
                    + k + " costs and " + correlations.length + " correlations");
        }
        double[] costs = new double[k + 1];
        double[] squared = new double[k + 2];
        costs[0] = fullRunCost;
        squared[0] = 1;
        for (int i = 1; i <= k; i++) {
            costs[i] = surrogateCosts[i - 1];
            squared[i] = correlations[i - 1] * correlations[i - 1];
        }
        for (int i = 0; i <= k; i++) {
            if (!(costs[i] > 0 && Double.isFinite(costs[i]))) {
                throw new IllegalArgumentException("cost of model " + i + " is " + costs[i] + ", must be positive");
            }
        }
        for (int i = 1; i <= k; i++) {
            if (!(squared[i] > 0 && squared[i] < 1)) {
                throw new IllegalArgumentException("correlation of surrogate " + i + " is " + correlations[i - 1]
                        + ", must be in (-1, 1) and not 0");
            }
            if (!(squared[i] < squared[i - 1])) {
                throw new IllegalArgumentException("surrogates must be ordered by decreasing |correlation|: surrogate "
                        + i + " has " + correlations[i - 1] + " after " + correlations[i - 2]);
            }
        }
        int broken = brokenCondition(costs, squared);
        if (broken > 0) {
            throw new IllegalArgumentException(selectionAdvice(costs, squared, broken));
        }
        return new Allocation(costs, squared);
    }

    /**
     * The best allocation over every subset of the surrogates, in any order: they are sorted by decreasing
     * |correlation| and the subset meeting every model-selection condition with the largest speed-up is kept.
     *
     * @return the kept surrogates' indices into {@code surrogateCosts}, in MFMC's order, with their allocation;
     *     empty when no surrogate beats plain Monte Carlo
     */
    public static Optional<Selection> best(double fullRunCost, double[] surrogateCosts, double[] correlations) {
        Integer[] order = IntStream.range(0, surrogateCosts.length).boxed()
                .sorted(Comparator.comparingDouble(i -> -Math.abs(correlations[i]))).toArray(Integer[]::new);
        Selection best = null;
        for (int mask = 1; mask < 1 << order.length; mask++) {
            int chosen = mask;
            int[] kept = IntStream.range(0, order.length).filter(j -> (chosen & 1 << j) != 0).map(j -> order[j])
                    .toArray();
            double[] costs = new double[kept.length + 1];
            double[] squared = new double[kept.length + 2];
            costs[0] = fullRunCost;
            squared[0] = 1;
            boolean tied = false;
            for (int j = 0; j < kept.length; j++) {
                costs[j + 1] = surrogateCosts[kept[j]];
                squared[j + 1] = correlations[kept[j]] * correlations[kept[j]];
                tied |= !(squared[j + 1] < squared[j]);
            }
            if (tied || brokenCondition(costs, squared) > 0) {
                continue;
            }
            Allocation allocation = new Allocation(costs, squared);
            if (allocation.speedUp() > 1 && (best == null || allocation.speedUp() > best.allocation().speedUp())) {
                best = new Selection(kept, allocation);
            }
        }
        return Optional.ofNullable(best);
    }

    /** Surrogates kept by {@link #best}, as indices into the caller's arrays, and their allocation. */
    public record Selection(int[] surrogates, Allocation allocation) {

        public Selection {
            surrogates = surrogates.clone();
        }

        @Override
        public int[] surrogates() {
            return surrogates.clone();
        }
    }

    /** The ratios {@code r_1 .. r_k}: surrogate evaluations per full run. */
    public double[] ratios() {
        return Arrays.copyOfRange(ratios, 1, ratios.length);
    }

    /** The cost of one full run with its share of surrogate evaluations, {@code w_0 + sum w_i r_i}. */
    public double costPerFullRun() {
        double cost = 0;
        for (int i = 0; i < costs.length; i++) {
            cost += costs[i] * ratios[i];
        }
        return cost;
    }

    /** Corollary 3.5: MFMC's variance divided by plain Monte Carlo's at the same budget. */
    public double varianceRatio() {
        return varianceRatio(costs, squaredCorrelations);
    }

    /** How many times less budget MFMC needs than plain Monte Carlo for the same variance. */
    public double speedUp() {
        return 1 / varianceRatio();
    }

    /** The sample sizes that spend at most {@code budget}. */
    public Plan forBudget(double budget) {
        double fullRuns = budget / costPerFullRun();
        if (fullRuns < 1) {
            throw new IllegalArgumentException("budget " + budget + " does not buy one full run with its surrogate"
                    + " evaluations: that costs " + costPerFullRun());
        }
        return plan(fullRuns, false);
    }

    /**
     * The cheapest sample sizes whose predicted standard error is at most {@code standardError}, for a QoI
     * of standard deviation {@code sigma}, within {@code maxBudget}.
     *
     * @throws IllegalArgumentException if that costs more than {@code maxBudget}; the message says the budget
     *     and full runs that would reach the target, and the standard error {@code maxBudget} reaches
     */
    public Plan forStandardError(double sigma, double standardError, double maxBudget) {
        if (!(sigma > 0 && standardError > 0)) {
            throw new IllegalArgumentException("standard deviation " + sigma + " and target standard error "
                    + standardError + " must be positive");
        }
        double relativeVariance = standardError * standardError / (sigma * sigma);
        double fullRuns = 1 / relativeVariance * ((1 - squaredCorrelations[1]) + sumOverSurrogates(
                i -> (squaredCorrelations[i] - squaredCorrelations[i + 1]) / ratios[i]));
        Plan plan = plan(fullRuns, true);
        if (plan.cost() > maxBudget) {
            String reachable = maxBudget >= costPerFullRun()
                    ? "; budget " + maxBudget + " reaches " + sigma * Math.sqrt(forBudget(maxBudget).relativeVariance())
                    : "";
            throw new IllegalArgumentException("standard error " + standardError + " needs a budget of " + plan.cost()
                    + " (" + plan.fullRuns() + " full runs, surrogate runs " + Arrays.toString(plan.surrogateRuns())
                    + "), more than the " + maxBudget + " available" + reachable);
        }
        return plan;
    }

    /** As {@link #forStandardError}, for the half-width of a normal interval at {@code level}. */
    public Plan forHalfWidth(double sigma, double halfWidth, double level, double maxBudget) {
        return forStandardError(sigma, halfWidth / ConfidenceLevel.normalQuantile(level), maxBudget);
    }

    private Plan plan(double fullRuns, boolean roundUp) {
        long n = roundUp ? (long) Math.ceil(fullRuns) : (long) Math.floor(fullRuns);
        long[] surrogateRuns = new long[ratios.length - 1];
        double cost = costs[0] * n;
        double relativeVariance = (1 - squaredCorrelations[1]) / n;
        for (int i = 1; i < ratios.length; i++) {
            double m = fullRuns * ratios[i];
            surrogateRuns[i - 1] = roundUp ? (long) Math.ceil(m) : (long) Math.floor(m);
            cost += costs[i] * surrogateRuns[i - 1];
            relativeVariance += (squaredCorrelations[i] - squaredCorrelations[i + 1]) / surrogateRuns[i - 1];
        }
        return new Plan(n, surrogateRuns, cost, relativeVariance);
    }

    private double sumOverSurrogates(IntToDoubleFunction term) {
        double sum = 0;
        for (int i = 1; i < ratios.length; i++) {
            sum += term.applyAsDouble(i);
        }
        return sum;
    }

    /** The first surrogate {@code i >= 1} breaking the model-selection condition, 0 if none does. */
    private static int brokenCondition(double[] costs, double[] squared) {
        for (int i = 1; i < costs.length; i++) {
            double required = (squared[i - 1] - squared[i]) / (squared[i] - squared[i + 1]);
            if (!(costs[i - 1] / costs[i] > required)) {
                return i;
            }
        }
        return 0;
    }

    private static double varianceRatio(double[] costs, double[] squared) {
        double sum = 0;
        for (int i = 0; i < costs.length; i++) {
            sum += Math.sqrt(costs[i] / costs[0] * (squared[i] - squared[i + 1]));
        }
        return sum * sum;
    }

    /**
     * What to drop when surrogate {@code broken} breaks the condition: the subset of surrogates (in order)
     * that meets every condition with the smallest variance ratio, or none (plain Monte Carlo).
     */
    private static String selectionAdvice(double[] costs, double[] squared, int broken) {
        int k = costs.length - 1;
        double required = (squared[broken - 1] - squared[broken]) / (squared[broken] - squared[broken + 1]);
        double[] correlations = IntStream.rangeClosed(1, k).mapToDouble(i -> Math.sqrt(squared[i])).toArray();
        Optional<Selection> selection = best(costs[0], Arrays.copyOfRange(costs, 1, k + 1), correlations);
        List<Integer> best = selection.map(chosen -> Arrays.stream(chosen.surrogates()).sorted().map(i -> i + 1)
                .boxed().toList()).orElse(List.of());
        double bestRatio = selection.map(chosen -> chosen.allocation().varianceRatio()).orElse(1.0);
        List<Integer> dropped = new ArrayList<>();
        for (int i = 1; i <= k; i++) {
            if (!best.contains(i)) {
                dropped.add(i);
            }
        }
        String advice = best.isEmpty()
                ? "no subset of surrogates beats plain Monte Carlo: drop them all"
                : "drop surrogate(s) " + dropped + ": surrogates " + best + " meet every condition with speed-up "
                        + 1 / bestRatio;
        return "surrogate " + broken + " breaks MFMC's model-selection condition w_" + (broken - 1) + "/w_" + broken
                + " = " + costs[broken - 1] / costs[broken] + " > (rho_" + (broken - 1) + "^2 - rho_" + broken
                + "^2)/(rho_" + broken + "^2 - rho_" + (broken + 1) + "^2) = " + required + "; " + advice;
    }

    /**
     * Sample sizes: {@code fullRuns} full runs, {@code surrogateRuns[i]} evaluations of surrogate i + 1 in
     * all (MFMC's {@code m_(i+1)}, the full runs' inputs included), their {@code cost}, and the predicted
     * variance of the estimate divided by the QoI's variance {@code sigma_0^2}.
     */
    public record Plan(long fullRuns, long[] surrogateRuns, double cost, double relativeVariance) {

        public Plan {
            surrogateRuns = surrogateRuns.clone();
        }

        @Override
        public long[] surrogateRuns() {
            return surrogateRuns.clone();
        }

        /** Evaluations of each surrogate at fresh inputs, {@code m_i - n}: the cheap sets of a {@link PairedSample}. */
        public long[] freshSurrogateRuns() {
            return Arrays.stream(surrogateRuns).map(m -> m - fullRuns).toArray();
        }
    }
}
