package org.submodeluq.montecarlo;

/**
 * What drove a campaign, for its output and its checkpoint's identity.
 *
 * @param name the generator's name in tables ({@code wgan-gp}, {@code pca-gaussian}, ...)
 * @param manifest the generator's manifest (JSON), which tells one trained generator from another
 * @param device where the generator runs ({@code cpu}, {@code gpu(0)}): a network's last bits differ
 */
public record GeneratorLabel(String name, String manifest, String device) {

    String identity() {
        return name + " on " + device + "\n" + manifest;
    }
}
