package org.submodeluq.surrogate.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.submodeluq.nn.Mlp;
import org.submodeluq.nn.Scalars;

/**
 * The WGAN-GP critic objective (Gulrajani et al. 2017), conditioned on features c:
 * {@code L = E[D(fake, c)] - E[D(real, c)] + lambda E[(||grad_x D(x_hat, c)|| - 1)^2]} with
 * {@code x_hat = eps real + (1 - eps) fake}, eps uniform per sample. Real and fake rows share their
 * conditions, so only x is interpolated and only x is differentiated: the Lipschitz constraint is on
 * x -> D(x, c) at each c, which is all the Wasserstein distance between the conditionals needs. The input
 * gradient comes from {@link Mlp#inputGradient} as ordinary NDArray operations, so backpropagating L
 * reaches the critic's weights through the penalty too (DJL 0.36 exposes no create_graph).
 */
public final class GradientPenalty {

    private GradientPenalty() {
    }

    /** The critic loss and its parts. */
    public record Terms(NDArray loss, NDArray wasserstein, NDArray penalty) {
    }

    /** The unconditional loss: {@link #criticLoss(Mlp, NDArray, NDArray, NDArray, NDArray, NDArray, double)} with m = 0. */
    public static Terms criticLoss(Mlp critic, NDArray real, NDArray fake, NDArray eps, NDArray complement,
                                   double lambda) {
        NDArray none = real.getManager().zeros(new Shape(real.getShape().get(0), 0), real.getDataType());
        return criticLoss(critic, real, fake, none, eps, complement, lambda);
    }

    /**
     * @param critic a network of input width k + m
     * @param real (B, k) data
     * @param fake (B, k) generated samples, detached from the generator
     * @param conditions (B, m) the conditions of both, m >= 0
     * @param eps (B, 1) uniform interpolation weights
     * @param complement (B, 1) their complements 1 - eps
     */
    public static Terms criticLoss(Mlp critic, NDArray real, NDArray fake, NDArray conditions, NDArray eps,
                                   NDArray complement, double lambda) {
        NDArray interpolated = real.mul(eps).add(fake.mul(complement));
        NDArray inputGradient = critic.inputGradient(critic.pass(joined(interpolated, conditions)));
        NDArray penalty = penalty(critic, leading(inputGradient, real.getShape().get(1)), lambda);
        NDArray wasserstein = critic.forward(joined(real, conditions)).mean()
                .sub(critic.forward(joined(fake, conditions)).mean());
        return new Terms(penalty.sub(wasserstein), wasserstein, penalty);
    }

    /** {@code lambda E[(||g|| - 1)^2]} for input gradients g of shape (B, k) of {@code critic}. */
    public static NDArray penalty(Mlp critic, NDArray inputGradient, double lambda) {
        NDArray norms = inputGradient.square().sum(new int[] {1}).sqrt();
        Scalars scalars = critic.scalars();
        return norms.sub(scalars.of(1)).square().mean().mul(scalars.of(lambda));
    }

    /** The network input {@code [x, c]}: (B, k + m); x itself when m = 0, so that the plain graph gains no node. */
    static NDArray joined(NDArray x, NDArray conditions) {
        return conditions.getShape().get(1) == 0 ? x : x.concat(conditions, 1);
    }

    /** The first k columns of (B, k + m) rows: the gradient with respect to x. */
    private static NDArray leading(NDArray rows, long k) {
        return rows.getShape().get(1) == k ? rows : rows.get(":, 0:" + k);
    }
}
