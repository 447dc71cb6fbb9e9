package org.submodeluq.cases.report;

import java.nio.file.Path;
import java.time.Duration;
import org.submodeluq.cases.pipeline.FullSolvers;
import org.submodeluq.cases.pipeline.Pipeline;
import org.submodeluq.cases.pipeline.RunLayout;
import org.submodeluq.cases.pipeline.RunOptions;
import org.submodeluq.cases.pipeline.StageProgress;
import org.submodeluq.fem.spec.CaseFiles;

/**
 * A small but complete run directory, made by the pipeline {@code run} drives: 40 full runs of a coarse
 * case (Java solver), both generators (a WGAN-GP of 40 updates), 400 Monte Carlo samples each, the
 * comparison with 100 bootstrap resamples, and stages.h5 with the stages' own timings.
 */
final class RunFixture {

    static final String CASE_YAML = "name: tiny\nmesh: {nx: 40, ny: 10}\ntime: {steps: 60, dt: 0.06}\n";
    static final int RUNS = 40;
    static final int THREADS = 2;

    private RunFixture() {
    }

    static RunLayout create(Path directory) {
        RunOptions options = new RunOptions(RUNS, new double[] {0.5, 0.1, 0.4}, 5, FullSolvers.Request.java,
                new FullSolvers.FenicsOptions(null, Duration.ofSeconds(60), 0), 40, 400, 100, THREADS);
        return new Pipeline(CaseFiles.parse(CASE_YAML, "RunFixture"), options, directory,
                (stage, unit) -> StageProgress.SILENT).run();
    }
}
