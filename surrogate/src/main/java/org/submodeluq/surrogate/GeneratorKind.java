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
    WGAN_GP("wgan-gp");

    private final String text;

    GeneratorKind(String text) {
        this.text = text;
    }

    /** The name used on the command line and in manifests. */
    @Override
    public String text() {
        return text;
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
