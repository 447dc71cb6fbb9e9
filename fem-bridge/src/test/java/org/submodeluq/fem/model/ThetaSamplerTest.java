package org.submodeluq.fem.model;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;

class ThetaSamplerTest {

    private static final CaseSpec SPEC = CaseFiles.defaultCase();

    @Test
    void sampleIsTheSameWhateverTheOrderOrTheThreads() {
        ThetaSampler sampler = new ThetaSampler(SPEC, 42);
        List<Theta> forward = IntStream.range(0, 200).mapToObj(sampler::sample).collect(Collectors.toList());
        Theta[] parallelBackward = new Theta[200];
        IntStream.range(0, 200).parallel().map(i -> 199 - i)
                .forEach(i -> parallelBackward[i] = new ThetaSampler(SPEC, 42).sample(i));
        assertEquals(forward, List.of(parallelBackward));
        assertEquals(200, forward.stream().distinct().count());
    }

    @Test
    void seedsAndIndicesGiveDifferentSamples() {
        assertNotEquals(new ThetaSampler(SPEC, 1).sample(0), new ThetaSampler(SPEC, 2).sample(0));
        assertNotEquals(new ThetaSampler(SPEC, 1).sample(0), new ThetaSampler(SPEC, 1).sample(1));
    }

    @Test
    void drawsFollowTheCaseDistributions() {
        ThetaSampler sampler = new ThetaSampler(SPEC, 9);
        int n = 20000;
        double[][] draws = IntStream.range(0, n).mapToObj(i -> sampler.sample(i).toArray()).toArray(double[][]::new);
        // 5 standard errors: each check fails by chance with probability 6e-7
        double logAmplitudeMean = mean(draws, 0, Math::log);
        double durationMean = mean(draws, 1, x -> x);
        double centreMean = mean(draws, 2, x -> x);
        double xiMean = mean(draws, 3, x -> x);
        double xiVariance = mean(draws, 3, x -> x * x) - xiMean * xiMean;
        double uniformStd = 0.5 / Math.sqrt(12);
        assertAll(
                () -> assertEquals(0.0, logAmplitudeMean, 5 * 0.25 / Math.sqrt(n), "mean of log amplitude"),
                () -> assertEquals(0.5, durationMean, 5 * uniformStd / Math.sqrt(n), "mean duration"),
                () -> assertEquals(0.25, centreMean, 5 * 0.2 / Math.sqrt(12) / Math.sqrt(n), "mean centre"),
                () -> assertEquals(0.0, xiMean, 5 / Math.sqrt(n), "mean of xi_1"),
                () -> assertEquals(1.0, xiVariance, 5 * Math.sqrt(2.0 / n), "variance of xi_1"),
                () -> assertTrue(IntStream.range(0, n).allMatch(i -> draws[i][1] >= 0.25 && draws[i][1] <= 0.75)));
    }

    private static double mean(double[][] draws, int column, java.util.function.DoubleUnaryOperator f) {
        double sum = 0;
        for (double[] draw : draws) {
            sum += f.applyAsDouble(draw[column]);
        }
        return sum / draws.length;
    }
}
