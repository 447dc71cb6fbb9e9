package org.submodeluq.cases.pipeline;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.montecarlo.GeneratorSource;
import org.submodeluq.montecarlo.multifidelity.CrossFittedSurrogates;
import org.submodeluq.surrogate.BoundaryConditionGenerator;
import org.submodeluq.surrogate.GeneratorFiles;
import org.submodeluq.surrogate.conditional.ConditionalGenerator;
import org.submodeluq.surrogate.conditional.GivenInputs;
import org.submodeluq.surrogate.conditional.Scenario;

/**
 * A Monte Carlo campaign's generator as a cluster's executor makes it: the generator directory, copied to
 * it, read as the campaign's label says it was drawn from (inputs held fixed, or the mean map's fold maps).
 *
 * @param directory the generator directory on the driver
 * @param label the campaign's generator label ({@code "KIND"}, {@code "KIND given NAME=VALUE,..."} or
 *     the fold campaign's)
 * @param deviceType the DJL device type the generator's networks run on ("cpu", "gpu")
 * @param deviceId its index
 */
public record ShippedGenerator(String directory, String label, String deviceType, int deviceId)
        implements GeneratorSource {

    /** What a campaign's label appends when inputs were held fixed. */
    public static final String GIVEN = " given ";

    /** The generator of {@code directory} on {@code device}, as a campaign labelled {@code label} draws from it. */
    public static ShippedGenerator of(Path directory, String label, Device device) {
        return new ShippedGenerator(directory.toAbsolutePath().toString(), label, device.getDeviceType(),
                device.getDeviceId());
    }

    @Override
    public List<Path> inputs() {
        return List.of(Path.of(directory));
    }

    @Override
    public BoundaryConditionGenerator open(CaseSpec spec, Map<Path, Path> local) {
        Path copy = local.get(Path.of(directory));
        if (label.equals(CrossFittedSurrogates.CAMPAIGN)) {
            return GeneratorFiles.crossFitEnsemble(copy);
        }
        return asRecorded(GeneratorFiles.load(copy, null, Device.of(deviceType, deviceId)), spec, label, copy);
    }

    /**
     * What a campaign labelled {@code label} drew from: a conditional generator fed inputs drawn from
     * {@code draws} with what its label says was held fixed, or an unconditional generator as it is, so
     * that a replay, or an executor, draws the campaign's very samples.
     */
    public static BoundaryConditionGenerator asRecorded(BoundaryConditionGenerator generator, CaseSpec draws,
                                                        String label, Path directory) {
        int at = label.indexOf(GIVEN);
        if (!(generator instanceof ConditionalGenerator conditional)) {
            return generator;
        }
        GivenInputs fixed = at < 0 ? GivenInputs.NONE
                : GivenInputs.parse(label.substring(at + GIVEN.length()), draws, conditional.conditioning());
        return Scenario.of(conditional, draws, fixed, directory.toString());
    }
}
