package org.submodeluq.matformer.sweep;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.submodeluq.matformer.model.LmShape;
import org.submodeluq.matformer.model.MatLm;
import org.submodeluq.matformer.model.MixConfig;
import org.submodeluq.matformer.model.TransformerLm;

/** The sweep's family of configurations, its cap, the share of mixes on or below the uniform curve, and the gaps to the baselines. */
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
    void theImportanceFamilyNeverWidensAlongTheOrderAndTheDepthFamilyIsItsReverseDepthOrder() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MatLm model = new MatLm(TransformerLm.initialised(manager, LmShape.uniform(4, 16, 2, 8, 32,
                    LmShape.Positions.LEARNED), RandomSource.XO_RO_SHI_RO_128_PP.create(1L)), MatLm.defaultWidths(32));
            List<MixConfig> family = MixAndMatch.monotone(model, new int[] {2, 0, 3, 1}, 100);
            IllegalArgumentException notAPermutation = assertThrows(IllegalArgumentException.class,
                    () -> MixAndMatch.monotone(model, new int[] {0, 0, 1, 2}, 100));
            assertAll(
                    () -> assertEquals(35, family.stream().distinct().count()),
                    () -> assertTrue(family.stream().allMatch(c -> {
                        int[] g = c.granularities();
                        return g[2] >= g[0] && g[0] >= g[3] && g[3] >= g[1];
                    })),
                    () -> assertTrue(family.contains(new MixConfig(new int[] {2, 0, 3, 1}))),
                    () -> assertEquals(MixAndMatch.nonDecreasing(model, 100),
                            MixAndMatch.monotone(model, new int[] {3, 2, 1, 0}, 100)),
                    () -> assertEquals("layer order [0, 0, 1, 2] is not a permutation of the 4 layers",
                            notAPermutation.getMessage()));
        }
    }

    private static SweepPoint point(String kind, String label, long parameters, double... windowLosses) {
        return new SweepPoint(kind, label, parameters, windowLosses, 1, 0);
    }

    @Test
    void aMixCountsWhenItsPairedExcessOverTheInterpolatedUniformCurveIsWithinTwoStandardErrors() {
        List<SweepPoint> points = List.of(
                point("uniform", "0,0", 100, 2.0, 2.2, 1.8),
                point("uniform", "1,1", 200, 1.8, 2.0, 1.6),
                point("uniform", "2,2", 400, 1.6, 1.8, 1.4),
                point("mix", "0,1", 150, 1.9, 2.1, 1.7),
                point("mix", "1,2", 300, 1.71, 1.91, 1.71),
                point("mix", "0,2", 250, 1.80, 1.96, 1.57));
        UniformCurve curve = new UniformCurve(points);
        Estimate onTheLine = curve.excess(points.get(3));
        Estimate above = curve.excess(points.get(4));
        Estimate noisy = curve.excess(points.get(5));
        assertAll(
                () -> assertEquals(0, onTheLine.mean(), 1e-12, "halfway between 2.0/2.2/1.8 and 1.8/2.0/1.6"),
                () -> assertEquals(0, onTheLine.standardError(), 1e-12),
                // the curve at 300 is 1.7/1.9/1.5: differences 0.01, 0.01, 0.21, mean 0.0767, s = 0.11547, s/sqrt 3 = 0.0667
                () -> assertEquals(0.23 / 3, above.mean(), 1e-12),
                () -> assertEquals(0.2 / Math.sqrt(3) / Math.sqrt(3), above.standardError(), 1e-12),
                // the curve at 250 is 1.75/1.95/1.55: differences 0.05, 0.01, 0.02, mean 0.02667, s = 0.02082
                () -> assertEquals(0.08 / 3, noisy.mean(), 1e-12),
                () -> assertEquals(Math.sqrt(0.00086667 / 2) / Math.sqrt(3), noisy.standardError(), 1e-6),
                () -> assertEquals(new MixAndMatch.Share(2, 3), MixAndMatch.onOrBelowCurve(points, 2),
                        "0,1 on the line and 1,2 within 2 standard errors (0.077 <= 0.133); 0,2 above (0.027 > 0.024)"),
                () -> assertEquals(new MixAndMatch.Share(1, 3), MixAndMatch.onOrBelowCurve(points, 0)));
    }

    @Test
    void theGapToABaselineIsThePairedDifferenceOverTheBaselinesLoss() {
        List<SweepPoint> points = List.of(
                point("uniform", "0,0", 100, 2.1, 2.3),
                point("uniform", "1,1", 200, 1.8, 2.0),
                point("baseline", "d_ff 8", 100, 2.0, 2.0));
        Estimate gap = MixAndMatch.baselineGaps(points).get("0,0");
        assertAll(
                () -> assertEquals(1, MixAndMatch.baselineGaps(points).size(), "1,1 has no baseline"),
                () -> assertEquals(0.2 / 2.0, gap.mean(), 1e-12, "differences 0.1 and 0.3 over a loss of 2"),
                () -> assertEquals(0.1 / 2.0, gap.standardError(), 1e-12, "s = 0.1414, s / sqrt 2 = 0.1"));
    }
}
