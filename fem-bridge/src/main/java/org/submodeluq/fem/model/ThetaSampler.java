package org.submodeluq.fem.model;

import org.apache.commons.rng.ArbitrarilyJumpableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.submodeluq.fem.spec.CaseSpec;

/**
 * Draws theta for sample i of a seeded study. Sample i reads its own stretch of one counter-based
 * stream (Philox4x64, Salmon et al. 2011), reached by an O(1) jump of i * 2^32 outputs, so it is the
 * same whatever the order of the samples, their number or the number of threads.
 */
public final class ThetaSampler {

    /** Outputs reserved per sample, far more than one theta draws. */
    private static final double STRIDE = 0x1p32;

    private final CaseSpec spec;
    private final long seed;

    public ThetaSampler(CaseSpec spec, long seed) {
        this.spec = spec;
        this.seed = seed;
    }

    /** The random stream of sample {@code index}; also usable for other per-sample draws. */
    public static UniformRandomProvider stream(long seed, long index) {
        if (index < 0 || index >= (1L << 52) / (long) STRIDE) {
            throw new IllegalArgumentException("sample index " + index + " is out of range");
        }
        ArbitrarilyJumpableUniformRandomProvider rng =
                (ArbitrarilyJumpableUniformRandomProvider) RandomSource.PHILOX_4X64.create(seed);
        if (index > 0) {
            rng.jump(index * STRIDE);
        }
        return rng;
    }

    /** theta of sample {@code index}. */
    public Theta sample(long index) {
        UniformRandomProvider rng = stream(seed, index);
        double amplitude = spec.load().amplitude().sample(rng);
        double duration = spec.load().duration().sample(rng);
        double centre = spec.load().centre().sample(rng);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] xi = new double[spec.modulusField().modes()];
        for (int k = 0; k < xi.length; k++) {
            xi[k] = gaussian.sample();
        }
        return new Theta(amplitude, duration, centre, xi);
    }
}
