package org.submodeluq.matformer.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.submodeluq.core.UserInputException;
import org.submodeluq.matformer.data.Batch;
import org.submodeluq.matformer.model.MatLm;
import org.submodeluq.matformer.model.MixConfig;
import org.submodeluq.matformer.model.TransformerLm;
import org.submodeluq.matformer.train.Losses;

/**
 * The Mix'n'Match sweep: evaluates many per-layer configurations of one trained MatFormer on held-out
 * data, without training any of them, and places the separately trained baselines beside them.
 */
public final class MixAndMatch {

    private MixAndMatch() {
    }

    /**
     * Every configuration whose granularity never decreases with depth (the family the MatFormer paper
     * sweeps), at most {@code cap} of them as {@link #monotone} selects them.
     */
    public static List<MixConfig> nonDecreasing(MatLm model, int cap) {
        return monotone(model, IntStream.range(0, model.layers()).map(l -> model.layers() - 1 - l).toArray(), cap);
    }

    /**
     * Every configuration whose granularity never increases along {@code order} (a permutation of the
     * layers, the one that should be widest first), at most {@code cap} of them: when there are more, an
     * evenly spaced selection by parameter count that always keeps the g uniform ones. There are
     * C(layers + g - 1, layers) of them whatever the order, 35 for 4 layers of 4 granularities.
     */
    public static List<MixConfig> monotone(MatLm model, int[] order, int cap) {
        if (cap < model.granularities()) {
            throw new UserInputException("maxConfigs", "= " + cap + " must be at least the " + model.granularities()
                    + " uniform configurations");
        }
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        if (!Arrays.equals(sorted, IntStream.range(0, model.layers()).toArray())) {
            throw new IllegalArgumentException("layer order " + Arrays.toString(order) + " is not a permutation of the "
                    + model.layers() + " layers");
        }
        List<MixConfig> all = new ArrayList<>();
        enumerate(order, new int[model.layers()], 0, model.granularities() - 1, all);
        all.sort(Comparator.comparingLong(model::parameterCount).thenComparing(MixConfig::toString));
        if (all.size() <= cap) {
            return all;
        }
        List<MixConfig> chosen = new ArrayList<>();
        for (MixConfig config : all) {
            if (config.isUniform()) {
                chosen.add(config);
            }
        }
        int room = Math.max(0, cap - chosen.size());
        for (int i = 0; i < room; i++) {
            MixConfig config = all.get((int) Math.round((i + 0.5) * all.size() / room - 0.5));
            if (!chosen.contains(config)) {
                chosen.add(config);
            }
        }
        chosen.sort(Comparator.comparingLong(model::parameterCount).thenComparing(MixConfig::toString));
        return chosen;
    }

    private static void enumerate(int[] order, int[] config, int position, int highest, List<MixConfig> into) {
        if (position == order.length) {
            into.add(new MixConfig(config));
            return;
        }
        for (int g = 0; g <= highest; g++) {
            config[order[position]] = g;
            enumerate(order, config, position + 1, g, into);
        }
    }

    /** The points of {@code configs}, each against the model's largest granularity. */
    public static List<SweepPoint> evaluate(MatLm model, List<MixConfig> configs, List<Batch> heldOut) {
        int[] largest = model.hidden(model.largest());
        List<SweepPoint> points = new ArrayList<>();
        for (MixConfig config : configs) {
            Losses.Comparison comparison = Losses.compare(model.transformer(), model.hidden(config), model.transformer(),
                    largest, heldOut);
            points.add(new SweepPoint(config.isUniform() ? "uniform" : "mix", config.toString(),
                    model.parameterCount(config), comparison.windowLosses(), comparison.agreement(),
                    comparison.divergence()));
        }
        return points;
    }

    /** The points of separately trained baselines, each against the largest of them (the last). */
    public static List<SweepPoint> baselines(List<TransformerLm> baselines, List<Batch> heldOut) {
        TransformerLm largest = baselines.get(baselines.size() - 1);
        List<SweepPoint> points = new ArrayList<>();
        for (TransformerLm baseline : baselines) {
            Losses.Comparison comparison = Losses.compare(baseline, baseline.fullWidths(), largest,
                    largest.fullWidths(), heldOut);
            points.add(new SweepPoint("baseline", "d_ff " + baseline.shape().ffnWidths()[0],
                    baseline.shape().parameterCount(), comparison.windowLosses(), comparison.agreement(),
                    comparison.divergence()));
        }
        return points;
    }

    /**
     * How many Mix'n'Match points lie on or below the {@link UniformCurve}: their paired excess over it
     * at most {@code errors} standard errors above zero.
     */
    public static Share onOrBelowCurve(List<SweepPoint> points, double errors) {
        UniformCurve curve = new UniformCurve(points);
        List<SweepPoint> mixes = points.stream().filter(p -> p.kind().equals("mix")).toList();
        int below = (int) mixes.stream().filter(p -> curve.excess(p).atMostZeroWithin(errors)).count();
        return new Share(below, mixes.size());
    }

    /** {@code count} of {@code total}. */
    public record Share(int count, int total) {

        /** count / total; NaN of none. */
        public double fraction() {
            return total == 0 ? Double.NaN : (double) count / total;
        }
    }

    /**
     * Each uniform granularity against the baseline of its size, as (extracted - baseline) / baseline of
     * the paired window losses, keyed by the granularity's configuration; empty without baselines.
     */
    public static Map<String, Estimate> baselineGaps(List<SweepPoint> points) {
        Map<String, Estimate> gaps = new LinkedHashMap<>();
        for (SweepPoint uniform : points) {
            if (!uniform.kind().equals("uniform")) {
                continue;
            }
            points.stream().filter(p -> p.kind().equals("baseline") && p.parameters() == uniform.parameters())
                    .findFirst().ifPresent(baseline -> gaps.put(uniform.label(),
                            uniform.minus(baseline).relativeTo(baseline.loss().mean())));
        }
        return gaps;
    }
}
