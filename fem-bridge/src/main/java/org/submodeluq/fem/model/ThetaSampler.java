package org.submodeluq.fem.model;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.submodeluq.core.UserInputException;
import org.submodeluq.core.random.KeyedStreams;
import org.submodeluq.fem.spec.CaseSpec;

/**
 * Draws theta for sample i of a seeded study from keyed stream i of the seed, so it is the same
 * whatever the order of the samples, their number or the number of threads.
 */
public final class ThetaSampler {

    private final CaseSpec spec;
    private final long seed;

    public ThetaSampler(CaseSpec spec, long seed) {
        this.spec = spec;
        this.seed = seed;
    }

    /** theta of sample {@code index}. */
    public Theta sample(long index) {
        UserInputException.require(index >= 0, "sample", index, "an index >= 0");
        UniformRandomProvider rng = KeyedStreams.stream(seed, index);
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
