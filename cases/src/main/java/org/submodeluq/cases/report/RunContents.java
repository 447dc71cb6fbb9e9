package org.submodeluq.cases.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.jhdf.HdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.submodeluq.cases.pipeline.RunLayout;
import org.submodeluq.cases.pipeline.RunState;
import org.submodeluq.core.io.Hdf5Files;
import org.submodeluq.core.UserInputException;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.montecarlo.multifidelity.MultifidelityFile;
import org.submodeluq.montecarlo.multifidelity.MultifidelityReport;
import org.submodeluq.surrogate.GeneratorFiles;
import org.submodeluq.surrogate.GeneratorKind;

/**
 * Everything the report shows, read from a run directory and nothing else. A generator appears when its
 * Monte Carlo file exists, so a run that skipped one still gets a report of the other.
 *
 * @param campaigns the generators' Monte Carlo results, in {@link RunLayout#GENERATORS} order
 * @param kinds the generator of each campaign
 * @param manifests each campaign's generator manifest
 * @param curves the WGAN-GP training log, or null when the run has none
 * @param stateToolVersion the submodel-uq version that wrote stages.h5
 * @param multifidelity the multifidelity estimate, or null when the run has none
 */
record RunContents(RunLayout layout, RunState state, String stateToolVersion, ReferenceRuns reference,
                   List<GeneratorKind> kinds, List<CampaignResults> campaigns, List<JsonNode> manifests,
                   SavedComparison comparison, TrainingCurves curves, MultifidelityReport multifidelity) {

    /** The file of the WGAN-GP's training curves inside its model directory. */
    static final String TRAINING_LOG = "training-log.csv";

    static RunContents read(RunLayout layout) {
        RunState state = RunState.read(layout.state());
        if (state == null) {
            throw new UserInputException("'" + layout.directory() + "' is not a run directory: it has no stages.h5");
        }
        List<GeneratorKind> kinds = new ArrayList<>();
        List<CampaignResults> campaigns = new ArrayList<>();
        List<JsonNode> manifests = new ArrayList<>();
        for (GeneratorKind kind : RunLayout.GENERATORS) {
            if (Files.exists(layout.monteCarlo(kind))) {
                kinds.add(kind);
                campaigns.add(CampaignResults.read(layout.monteCarlo(kind)));
                manifests.add(GeneratorFiles.manifest(layout.generator(kind)));
            }
        }
        Path log = layout.generator(GeneratorKind.WGAN_GP).resolve(TRAINING_LOG);
        String stateVersion;
        try (HdfFile file = Hdf5Files.open(layout.state(), RunState.FORMAT, RunState.VERSION, "run state")) {
            stateVersion = (String) file.getAttribute("tool_version").getData();
        }
        return new RunContents(layout, state, stateVersion, ReferenceRuns.read(layout.trainingSet()), kinds, campaigns,
                manifests, SavedComparison.read(layout.comparison()),
                Files.exists(log) ? TrainingCurves.read(log) : null, Files.exists(layout.estimate())
                ? MultifidelityFile.read(layout.estimate(), QuantitiesOfInterest.NAMES) : null);
    }

    /** The run's options, from stages.h5's "key = value" lines, in their order. */
    Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        for (String line : state.options().split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                options.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        }
        return options;
    }
}
