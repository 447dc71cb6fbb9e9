package org.submodeluq.surrogate.gan;

import ai.djl.ndarray.NDArray;
import org.submodeluq.nn.Mlp;
import org.submodeluq.nn.Scalars;

/**
 * The WGAN-GP critic objective (Gulrajani et al. 2017):
 * {@code L = E[D(fake)] - E[D(real)] + lambda E[(||grad_x D(x_hat)|| - 1)^2]} with
 * {@code x_hat = eps real + (1 - eps) fake}, eps uniform per sample. The input gradient comes from
 * {@link Mlp#inputGradient} as ordinary NDArray operations, so backpropagating L reaches the critic's
 * weights through the penalty too (DJL 0.36 exposes no create_graph).
 */
public final class GradientPenalty {

    private GradientPenalty() {
    }

    /** The critic loss and its parts. */
    public record Terms(NDArray loss, NDArray wasserstein, NDArray penalty) {
    }

    /**
     * @param real (B, k) data
     * @param fake (B, k) generated samples, detached from the generator
     * @param eps (B, 1) uniform interpolation weights
     * @param complement (B, 1) their complements 1 - eps
     */
    public static Terms criticLoss(Mlp critic, NDArray real, NDArray fake, NDArray eps, NDArray complement,
                                   double lambda) {
        NDArray interpolated = real.mul(eps).add(fake.mul(complement));
        NDArray penalty = penalty(critic, critic.inputGradient(critic.pass(interpolated)), lambda);
        NDArray wasserstein = critic.forward(real).mean().sub(critic.forward(fake).mean());
        return new Terms(penalty.sub(wasserstein), wasserstein, penalty);
    }

    /** {@code lambda E[(||g|| - 1)^2]} for input gradients g of shape (B, k) of {@code critic}. */
    public static NDArray penalty(Mlp critic, NDArray inputGradient, double lambda) {
        NDArray norms = inputGradient.square().sum(new int[] {1}).sqrt();
        Scalars scalars = critic.scalars();
        return norms.sub(scalars.of(1)).square().mean().mul(scalars.of(lambda));
    }
}
