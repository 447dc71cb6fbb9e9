package org.submodeluq.montecarlo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.submodeluq.core.BuildInfo;
import org.submodeluq.core.engine.SampleComputer;
import org.submodeluq.core.engine.SampleWork;
import org.submodeluq.fem.model.Submodel;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;

/** A Monte Carlo campaign's batches as a cluster computes them: key k is batch k's {@link BatchRecord}. */
final class BatchWork implements SampleWork {

    private static final long serialVersionUID = 1L;

    private final String caseYaml;
    private final GeneratorSource generator;
    private final CampaignSettings.Batches batches;

    BatchWork(CaseSpec spec, GeneratorSource generator, CampaignSettings.Batches batches) {
        this.caseYaml = CaseFiles.toYaml(spec);
        this.generator = generator;
        this.batches = batches;
    }

    @Override
    public List<Path> inputs() {
        return generator.inputs();
    }

    @Override
    public SampleComputer open(int slots, Map<Path, Path> local) {
        CaseSpec spec = CaseFiles.parse(caseYaml, "the campaign's case");
        SubmodelSampler sampler = new SubmodelSampler(new Submodel(spec), generator.open(spec, local));
        return new SampleComputer() {
            @Override
            public double[] compute(long batch) {
                long begin = System.nanoTime();
                int n = batches.samplesIn(batch);
                double[][] quantities = sampler.run(batches.seed(), batch * batches.size(), n);
                return BatchRecord.pack(quantities, batches.size(), (System.nanoTime() - begin) / 1e9);
            }

            @Override
            public String description() {
                return "submodel-uq " + BuildInfo.version();
            }

            @Override
            public void close() {
            }
        };
    }
}
