package org.submodeluq.surrogate;

import org.submodeluq.core.Named;
import org.submodeluq.core.UserInputException;

/** The generators submodel-uq trains, by the name a command line or a manifest uses. */
public enum GeneratorKind implements Named {
    /** Resamples training samples: the reference a generator must at least match. */
    EMPIRICAL("empirical"),
    /** Independent Gaussian principal-component coefficients: the linear baseline. */
    PCA_GAUSSIAN("pca-gaussian"),
    /** A Wasserstein GAN with gradient penalty on the principal-component coefficients. */
    WGAN_GP("wgan-gp"),
    /**
     * Conditioned on the case's inputs: the regression of the traces on them, deterministic. The best
     * control variate a full run can be paired with; too smooth to stand for the traces' spread.
     */
    MEAN_MAP("mean-map"),
    /** The mean map plus a PCA-Gaussian model of its cross-fitted residuals: conditioned, and as rough as real traces. */
    MEAN_MAP_RESIDUAL("mean-map-residual"),
    /** A WGAN-GP whose generator and critic both read the conditioning inputs: the seed's method, parametrized. */
    CONDITIONAL_WGAN_GP("cwgan-gp");

    private final String text;

    GeneratorKind(String text) {
        this.text = text;
    }

    /** The name used on the command line and in manifests. */
    @Override
    public String text() {
        return text;
    }

    /** Whether generators of this kind read the case's inputs. */
    public boolean conditional() {
        return this == MEAN_MAP || this == MEAN_MAP_RESIDUAL || this == CONDITIONAL_WGAN_GP;
    }

    /** The kind named {@code text}. */
    public static GeneratorKind of(String text) {
        try {
            return Named.parse(GeneratorKind.class, text, "generator kind");
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
    }
}
