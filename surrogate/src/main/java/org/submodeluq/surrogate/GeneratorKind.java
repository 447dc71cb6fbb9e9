package org.submodeluq.surrogate;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.submodeluq.core.UserInputException;

/** The generators submodel-uq trains, by the name a command line or a manifest uses. */
public enum GeneratorKind {
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
    public String text() {
        return text;
    }

    /** The kind named {@code text}. */
    public static GeneratorKind of(String text) {
        for (GeneratorKind kind : values()) {
            if (kind.text.equals(text)) {
                return kind;
            }
        }
        throw new UserInputException("generator kind '" + text + "' is unknown; known kinds: "
                + Arrays.stream(values()).map(GeneratorKind::text).collect(Collectors.joining(", ")));
    }
}
