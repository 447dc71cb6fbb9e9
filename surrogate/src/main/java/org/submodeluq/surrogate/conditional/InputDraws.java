package org.submodeluq.surrogate.conditional;

import java.util.List;
import org.submodeluq.fem.model.Theta;
import org.submodeluq.fem.model.ThetaSampler;
import org.submodeluq.fem.spec.CaseSpec;

/**
 * The inputs a conditional generator is fed in a campaign: drawn afresh from the case's own distributions,
 * sample i from keyed stream i of a domain of their own, so they share no random numbers with the full
 * runs of a training set or reference made with the same seed (a generator judged on the reference's
 * own inputs would share its sampling noise and look better than it is), nor with the generator's
 * latent noise. Given inputs overwrite the drawn ones.
 */
public final class InputDraws {

    /** Mixed into the seed; a fixed, arbitrary 64-bit constant (the fraction of sqrt(5)). */
    private static final long DOMAIN = 0x3C6EF372FE94F82BL;

    private final ThetaSampler sampler;
    private final GivenInputs given;
    private final List<String> inputs;

    public InputDraws(CaseSpec spec, long seed, GivenInputs given) {
        this(spec, seed, given, DOMAIN);
    }

    /**
     * Draws of a domain of the caller's: a second set of fresh inputs that must be independent of a
     * generator's (two surrogates' cheap samples in one multifidelity estimate) takes another constant.
     */
    public InputDraws(CaseSpec spec, long seed, GivenInputs given, long domain) {
        this.sampler = new ThetaSampler(spec, seed ^ domain);
        this.given = given;
        this.inputs = Theta.names(spec.modulusField().modes());
    }

    /** Inputs of samples {@code first .. first + n - 1}, one row each in {@link Theta#toArray()} order. */
    public double[][] rows(long first, int n) {
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = sampler.sample(first + i).toArray();
            given.applyTo(rows[i], inputs);
        }
        return rows;
    }
}
