package org.submodeluq.matformer.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.submodeluq.matformer.model.LmShape;
import org.submodeluq.matformer.model.MatLm;
import org.submodeluq.matformer.model.MixConfig;
import org.submodeluq.matformer.model.TransformerLm;

/** The sweep's family of configurations, its cap, and the between-neighbours share. */
class MixAndMatchTest {

    @Test
    void everyNonDecreasingConfigurationOnceAndTheCapKeepsTheUniformOnes() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MatLm model = new MatLm(TransformerLm.initialised(manager, LmShape.uniform(4, 16, 2, 8, 32,
                    LmShape.Positions.LEARNED), RandomSource.XO_RO_SHI_RO_128_PP.create(1L)), MatLm.defaultWidths(32));
            List<MixConfig> all = MixAndMatch.nonDecreasing(model, 100);
            List<MixConfig> capped = MixAndMatch.nonDecreasing(model, 10);
            assertEquals(35, all.size(), "C(4 + 4 - 1, 4) multisets");
            assertEquals(35, all.stream().distinct().count());
            assertTrue(all.stream().allMatch(c -> {
                int[] g = c.granularities();
                return g[0] <= g[1] && g[1] <= g[2] && g[2] <= g[3];
            }));
            assertEquals(10, capped.size());
            for (int g = 0; g < 4; g++) {
                assertTrue(capped.contains(MixConfig.uniform(4, g)), "uniform " + g + " kept");
            }
        }
    }

    @Test
    void theShareCountsMixesBetweenTheUniformModelsThatBracketTheirSize() {
        List<SweepPoint> points = List.of(
                new SweepPoint("uniform", "0,0", 100, 2.0, 1, 0),
                new SweepPoint("uniform", "1,1", 200, 1.8, 1, 0),
                new SweepPoint("uniform", "2,2", 400, 1.7, 1, 0),
                new SweepPoint("mix", "0,1", 150, 1.9, 1, 0),
                new SweepPoint("mix", "1,2", 300, 1.9, 1, 0),
                new SweepPoint("mix", "0,2", 200, 1.75, 1, 0));
        assertEquals(2.0 / 3, MixAndMatch.shareBetweenNeighbours(points, 0.0), 1e-12,
                "0,1 lies in [1.8, 2.0], 0,2 (as large as 1,1) in [1.7, 1.8], 1,2 above [1.7, 1.8]");
    }
}
