package org.submodeluq.surrogate.gan;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WganGpOptionsTest {

    /** Names of the settings in which {@code changed} differs from the defaults. */
    private static Set<String> differences(WganGpOptions changed) {
        Map<String, Object> defaults = WganGpOptions.defaults().asMap();
        return changed.asMap().entrySet().stream().filter(e -> !e.getValue().equals(defaults.get(e.getKey())))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    @Test
    void eachWitherChangesItsOwnSettingOnly() {
        Map<String, UnaryOperator<WganGpOptions>> withers = Map.ofEntries(
                Map.entry("latent", o -> o.withLatent(3)),
                Map.entry("generator_hidden", o -> o.withGeneratorHidden(7)),
                Map.entry("critic_hidden", o -> o.withCriticHidden(7)),
                Map.entry("learning_rate", o -> o.withLearningRate(0.5)),
                Map.entry("final_learning_rate_fraction", o -> o.withFinalLearningRate(0.5)),
                Map.entry("batch", o -> o.withBatch(3)),
                Map.entry("iterations", o -> o.withIterations(3)),
                Map.entry("ema_decay", o -> o.withEmaDecay(0.5)),
                Map.entry("evaluate_every", o -> o.withEvaluateEvery(3)),
                Map.entry("checkpoint_every", o -> o.withCheckpointEvery(3)),
                Map.entry("seed", o -> o.withSeed(3)));
        assertAll(withers.entrySet().stream().map(wither -> () -> assertEquals(Set.of(wither.getKey()),
                differences(wither.getValue().apply(WganGpOptions.defaults())), wither.getKey())));
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        // the values of defaults()'s Javadoc, which manifests, checkpoints and stage keys record
        assertEquals("{latent=32, generator_hidden=[256, 256], critic_hidden=[256, 256], lambda=10.0, critic_steps=5, "
                + "learning_rate=1.0E-4, final_learning_rate_fraction=0.1, beta1=0.5, beta2=0.9, batch=64, "
                + "iterations=5000, ema_decay=0.99, evaluate_every=250, checkpoint_every=1000, seed=0, float64=false}",
                WganGpOptions.defaults().asMap().toString());
    }
}
