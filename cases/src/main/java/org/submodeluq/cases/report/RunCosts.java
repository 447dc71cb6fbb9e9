package org.submodeluq.cases.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.submodeluq.cases.pipeline.RunState;

/**
 * What each stage took, and what one full run costs against one Monte Carlo sample of the submodel:
 * the speed-up the generator buys, per sample, once it is trained.
 */
final class RunCosts {

    /** HTML id of the stage table. */
    static final String STAGES_ID = "timings";
    /** HTML id of the cost table. */
    static final String SPEED_UP_ID = "speed-up";
    private static final List<String> STAGE_ORDER = List.of("generate", "train_pca_gaussian", "mc_pca_gaussian",
            "train_wgan_gp", "mc_wgan_gp", "compare");

    private RunCosts() {
    }

    /** One row per finished stage, in pipeline order, and the total. */
    static Table stages(RunContents run) {
        List<Map.Entry<String, RunState.Stage>> stages = new ArrayList<>(run.state().stages().entrySet());
        stages.sort(Comparator.comparing((Map.Entry<String, RunState.Stage> stage) -> order(stage.getKey()))
                .thenComparing(Map.Entry::getKey));
        List<List<String>> rows = new ArrayList<>();
        double total = 0;
        for (Map.Entry<String, RunState.Stage> stage : stages) {
            rows.add(List.of(stage.getKey(), seconds(stage.getValue().seconds()), stage.getValue().finished(),
                    stage.getValue().detail()));
            total += stage.getValue().seconds();
        }
        rows.add(List.of("total", seconds(total), "", ""));
        return new Table(STAGES_ID, List.of("stage", "seconds (wall)", "finished", "detail"), rows);
    }

    /**
     * The thread-seconds of one full run (the generate stage's wall time times its threads or workers,
     * over the runs computed in that sitting, which after a resume are fewer than the training set's)
     * and of one sample of each campaign, and their ratio.
     */
    static Table speedUp(RunContents run) {
        RunState.Stage generate = run.state().stages().get("generate");
        List<List<String>> rows = new ArrayList<>();
        double fullRun = Double.NaN;
        if (generate != null && generate.computed() > 0) {
            long runs = generate.computed();
            fullRun = generate.seconds() * generate.threads() / runs;
            rows.add(List.of("one full run", seconds(fullRun), "1", String.format(Locale.ROOT,
                    "generate: %s s wall x %d threads / %d runs", seconds(generate.seconds()), generate.threads(), runs)));
        }
        for (CampaignResults campaign : run.campaigns()) {
            rows.add(List.of("one Monte Carlo sample, " + campaign.generator(), seconds(campaign.secondsPerSample()),
                    String.format(Locale.ROOT, "%.0f", fullRun / campaign.secondsPerSample()),
                    String.format(Locale.ROOT, "seconds_per_sample of %d samples on %d threads (%s s wall)",
                            campaign.samples().length, campaign.threads(), seconds(campaign.wallSeconds()))));
        }
        return new Table(SPEED_UP_ID, List.of("one ...", "thread-seconds", "speed-up over a full run", "from"), rows);
    }

    private static int order(String stage) {
        int index = STAGE_ORDER.indexOf(stage);
        return index < 0 ? STAGE_ORDER.size() : index;
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, value < 1 ? "%.3g" : "%.1f", value);
    }
}
