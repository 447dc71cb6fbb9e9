package org.submodeluq.montecarlo;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.submodeluq.core.UserInputException;
import org.submodeluq.core.io.Hdf5Files;

/**
 * What a Monte Carlo file already at a campaign's output holds, read from its attributes: enough to
 * tell whether it is the campaign's own work.
 *
 * @param campaign the identity of the campaign that wrote it, less its sample count (empty in files
 *     written before the attribute existed)
 * @param samples the samples it holds
 * @param maxSamples the samples its campaign asked for
 */
record ExistingMonteCarlo(String caseName, String generator, String generatorManifest, String generatorDevice,
                          long seed, String campaign, long samples, long maxSamples) {

    /**
     * @return empty when no file is at {@code path} (a directory there is left to the writer: it fails)
     * @throws UserInputException when something is there that is not a readable Monte Carlo file
     */
    static Optional<ExistingMonteCarlo> at(Path path) {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try (HdfFile file = Hdf5Files.open(path, MonteCarloFile.FORMAT, MonteCarloFile.VERSION, "Monte Carlo file")) {
            Attribute campaign = file.getAttribute("campaign");
            return Optional.of(new ExistingMonteCarlo(text(file, "case_name"), text(file, "generator"),
                    text(file, "generator_manifest"), text(file, "generator_device"), number(file, "seed"),
                    campaign == null ? "" : (String) campaign.getData(), number(file, "samples"),
                    number(file, "max_samples")));
        } catch (UserInputException e) {
            throw new UserInputException("output", e.rule());
        } catch (RuntimeException e) {
            throw new UserInputException("output", "'" + path + "' cannot be read as a Monte Carlo file: "
                    + e.getMessage());
        }
    }

    private static String text(HdfFile file, String name) {
        return (String) file.getAttribute(name).getData();
    }

    private static long number(HdfFile file, String name) {
        return ((Number) file.getAttribute(name).getData()).longValue();
    }

    /** In words, as a message names it: "2000 samples of case plate-impact from the wgan-gp generator, seed 0". */
    static String describe(String samples, String caseName, String generator, long seed) {
        return samples + " samples of case " + caseName + " from the " + generator + " generator, seed " + seed;
    }

    /** The samples it holds in words: "300 (of at most 2000)" when a precision target stopped it early. */
    String samplesInWords() {
        return samples == maxSamples ? String.valueOf(samples) : samples + " (of at most " + maxSamples + ")";
    }
}
