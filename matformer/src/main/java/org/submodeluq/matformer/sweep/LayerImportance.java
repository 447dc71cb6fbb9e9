package org.submodeluq.matformer.sweep;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.submodeluq.matformer.data.Batch;
import org.submodeluq.matformer.model.MatLm;
import org.submodeluq.matformer.model.MixConfig;
import org.submodeluq.matformer.train.Losses;

/**
 * How much each layer's feed-forward width matters to a trained MatFormer: the loss added when that
 * layer alone drops from the largest granularity to the smallest, paired window by window. Which
 * layers deserve the width is an empirical question (Gemma 3n's published Mix'n'Match slices widen
 * single layers chosen by measurement, not the deepest ones), so the sweep's family follows it.
 *
 * @param increase per layer, the loss with that layer at the smallest granularity minus the largest model's
 */
public record LayerImportance(List<Estimate> increase) {

    public LayerImportance {
        increase = List.copyOf(increase);
    }

    /** Measures every layer of {@code model} on {@code batches}: g + 1 evaluations of one configuration each. */
    public static LayerImportance of(MatLm model, List<Batch> batches) {
        int[] largest = model.hidden(model.largest());
        SweepPoint full = point(model, model.largest(), largest, batches);
        Estimate[] increase = new Estimate[model.layers()];
        for (int layer = 0; layer < increase.length; layer++) {
            int[] granularities = model.largest().granularities();
            granularities[layer] = 0;
            increase[layer] = point(model, new MixConfig(granularities), largest, batches).minus(full);
        }
        return new LayerImportance(Arrays.asList(increase));
    }

    private static SweepPoint point(MatLm model, MixConfig config, int[] largest, List<Batch> batches) {
        Losses.Comparison comparison = Losses.compare(model.transformer(), model.hidden(config), model.transformer(),
                largest, batches);
        return new SweepPoint("mix", config.toString(), model.parameterCount(config), comparison.windowLosses(),
                comparison.agreement(), comparison.divergence());
    }

    /** The layers from the one whose narrowing costs most to the one whose narrowing costs least. */
    public int[] order() {
        return IntStream.range(0, increase.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer l) -> -increase.get(l).mean())).mapToInt(l -> l).toArray();
    }
}
