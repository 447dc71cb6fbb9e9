package org.submodeluq.matformer.encoder;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Runs whose true neighbours are known: a few prototype responses (a sinusoid per channel, of random
 * frequency, phase and amplitude between 0.5 and 2), each run one prototype scaled by 1 + 3 % noise and
 * with Gaussian noise of standard deviation {@link #NOISE} added to every value, so the runs of one
 * prototype are each other's true neighbours.
 */
final class ClusteredTraces {

    static final int CHANNELS = 6;
    static final int STEPS = 40;
    /** Standard deviation of the noise added to every value: about a fifth of a channel's spread. */
    static final double NOISE = 0.15;

    private final double[][] prototypes;

    ClusteredTraces(int clusters, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        prototypes = new double[clusters][CHANNELS * STEPS];
        for (double[] prototype : prototypes) {
            for (int c = 0; c < CHANNELS; c++) {
                double frequency = 1 + rng.nextInt(4);
                double phase = 2 * Math.PI * rng.nextDouble();
                double amplitude = 0.5 + 1.5 * rng.nextDouble();
                for (int s = 0; s < STEPS; s++) {
                    prototype[c * STEPS + s] = amplitude * Math.sin(2 * Math.PI * frequency * s / STEPS + phase);
                }
            }
        }
    }

    int clusters() {
        return prototypes.length;
    }

    /** {@code perCluster} runs of every prototype, run i of prototype i / perCluster. */
    TraceSet runs(int perCluster, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] runs = new double[prototypes.length * perCluster][];
        for (int i = 0; i < runs.length; i++) {
            double[] prototype = prototypes[i / perCluster];
            double scale = 1 + 0.03 * gaussian.sample();
            runs[i] = new double[prototype.length];
            for (int k = 0; k < prototype.length; k++) {
                runs[i][k] = scale * prototype[k] + NOISE * gaussian.sample();
            }
        }
        return new TraceSet(CHANNELS, STEPS, runs);
    }
}
