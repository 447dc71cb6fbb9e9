package org.submodeluq.matformer.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
     * sweeps), at most {@code cap} of them: when there are more, an evenly spaced selection by
     * parameter count that always keeps the g uniform ones.
     */
    public static List<MixConfig> nonDecreasing(MatLm model, int cap) {
        if (cap < model.granularities()) {
            throw new UserInputException("maxConfigs", "= " + cap + " must be at least the " + model.granularities()
                    + " uniform configurations");
        }
        List<MixConfig> all = new ArrayList<>();
        enumerate(new int[model.layers()], 0, 0, model.granularities(), all);
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

    private static void enumerate(int[] prefix, int layer, int lowest, int granularities, List<MixConfig> into) {
        if (layer == prefix.length) {
            into.add(new MixConfig(prefix));
            return;
        }
        for (int g = lowest; g < granularities; g++) {
            prefix[layer] = g;
            enumerate(prefix, layer + 1, g, granularities, into);
        }
    }

    /** The points of {@code configs}, each against the model's largest granularity. */
    public static List<SweepPoint> evaluate(MatLm model, List<MixConfig> configs, List<Batch> heldOut) {
        int[] largest = model.hidden(model.largest());
        List<SweepPoint> points = new ArrayList<>();
        for (MixConfig config : configs) {
            int[] hidden = model.hidden(config);
            double[] consistency = Losses.consistency(model.transformer(), hidden, model.transformer(), largest,
                    heldOut);
            points.add(new SweepPoint(config.isUniform() ? "uniform" : "mix", config.toString(),
                    model.parameterCount(config), Losses.heldOut(model.transformer(), hidden, heldOut),
                    consistency[0], consistency[1]));
        }
        return points;
    }

    /** The points of separately trained baselines, each against the largest of them (the last). */
    public static List<SweepPoint> baselines(List<TransformerLm> baselines, List<Batch> heldOut) {
        TransformerLm largest = baselines.get(baselines.size() - 1);
        List<SweepPoint> points = new ArrayList<>();
        for (TransformerLm baseline : baselines) {
            double[] consistency = Losses.consistency(baseline, baseline.fullWidths(), largest, largest.fullWidths(),
                    heldOut);
            points.add(new SweepPoint("baseline", "d_ff " + baseline.shape().ffnWidths()[0],
                    baseline.shape().parameterCount(), Losses.heldOut(baseline, baseline.fullWidths(), heldOut),
                    consistency[0], consistency[1]));
        }
        return points;
    }

    /**
     * The share of Mix'n'Match points whose loss lies between the losses of the two uniform models
     * whose sizes bracket theirs (a mix as large as a uniform model is bracketed by it and the next;
     * within {@code tolerance} nats): the paper's claim that extracted models trace the curve between
     * the trained ones.
     */
    public static double shareBetweenNeighbours(List<SweepPoint> points, double tolerance) {
        List<SweepPoint> uniform = points.stream().filter(p -> p.kind().equals("uniform"))
                .sorted(Comparator.comparingLong(SweepPoint::parameters)).toList();
        long mixes = 0;
        long between = 0;
        for (SweepPoint point : points) {
            if (!point.kind().equals("mix")) {
                continue;
            }
            for (int i = 0; i + 1 < uniform.size(); i++) {
                SweepPoint small = uniform.get(i);
                SweepPoint large = uniform.get(i + 1);
                if (point.parameters() >= small.parameters() && point.parameters() < large.parameters()) {
                    mixes++;
                    double low = Math.min(small.loss(), large.loss()) - tolerance;
                    double high = Math.max(small.loss(), large.loss()) + tolerance;
                    between += point.loss() >= low && point.loss() <= high ? 1 : 0;
                }
            }
        }
        return mixes == 0 ? Double.NaN : (double) between / mixes;
    }
}
