package org.submodeluq.cases.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.submodeluq.core.BuildInfo;

/** The seeds that reproduce the run and the versions that wrote each of its files. */
final class Provenance {

    /** HTML id of the seed table. */
    static final String SEEDS_ID = "seeds";
    /** HTML id of the version table. */
    static final String VERSIONS_ID = "versions";
    /** The run option whose seed the comparison's bootstrap used. */
    static final String SEED_OPTION = "seed";

    private Provenance() {
    }

    static Table seeds(RunContents run) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("full-run inputs and splits", String.valueOf(run.reference().contents().seed()),
                "training.h5 seed"));
        for (int g = 0; g < run.campaigns().size(); g++) {
            CampaignResults campaign = run.campaigns().get(g);
            JsonNode trainingSeed = run.manifests().get(g).path("options").path("seed");
            if (!trainingSeed.isMissingNode()) {
                rows.add(List.of(campaign.generator() + " training", trainingSeed.asText(),
                        "generators/" + run.kinds().get(g).text() + "/manifest.json options.seed"));
            }
            rows.add(List.of(campaign.generator() + " Monte Carlo and trace figures", String.valueOf(campaign.seed()),
                    "mc/" + run.kinds().get(g).text() + ".h5 seed"));
        }
        String seed = run.options().get(SEED_OPTION);
        rows.add(List.of("comparison bootstrap", seed == null ? "not recorded" : seed,
                "stages.h5 options (comparison.h5 does not record it)"));
        return new Table(SEEDS_ID, List.of("what", "seed", "from"), rows);
    }

    static Table versions(RunContents run) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("this report", "submodel-uq " + BuildInfo.version() + " on Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")"));
        rows.add(List.of("stages.h5", "submodel-uq " + run.stateToolVersion()));
        rows.add(List.of("training.h5", "submodel-uq " + run.reference().toolVersion() + ", solver "
                + run.reference().contents().solver()));
        for (int g = 0; g < run.campaigns().size(); g++) {
            String kind = run.kinds().get(g).text();
            rows.add(List.of("generators/" + kind + "/manifest.json", run.manifests().get(g).path("tool").asText()));
            rows.add(List.of("mc/" + kind + ".h5", "submodel-uq " + run.campaigns().get(g).toolVersion()));
        }
        rows.add(List.of("comparison.h5", "submodel-uq " + run.comparison().toolVersion()));
        return new Table(VERSIONS_ID, List.of("file", "written by"), rows);
    }
}
