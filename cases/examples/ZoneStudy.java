import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.FullModel;
import org.submodeluq.fem.model.JavaSolver;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.fem.model.Submodel;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;
import org.submodeluq.core.progress.CampaignProgress;
import org.submodeluq.fem.training.TrainingCampaign;
import org.submodeluq.montecarlo.CampaignSettings;
import org.submodeluq.montecarlo.GeneratorLabel;
import org.submodeluq.montecarlo.MonteCarloCampaign;
import org.submodeluq.montecarlo.MonteCarloFile;
import org.submodeluq.montecarlo.MonteCarloResult;
import org.submodeluq.montecarlo.SubmodelSampler;
import org.submodeluq.montecarlo.estimate.QoiSummary;
import org.submodeluq.surrogate.GeneratorFiles;
import org.submodeluq.surrogate.GeneratorKind;
import org.submodeluq.surrogate.GeneratorTraining;
import org.submodeluq.surrogate.data.TrainingData;
import org.submodeluq.surrogate.gan.TrainingListener;
import org.submodeluq.surrogate.gan.WganGpOptions;
import org.submodeluq.surrogate.reduction.PcaReduction;

/**
 * A study script: how does the peak von Mises stress in the zone change when the zone moves towards the
 * impact? For each zone position it generates full runs (Java solver), fits a PCA-Gaussian generator of
 * the boundary traces, runs a Monte Carlo campaign on the submodel, and reads the result file back.
 *
 * <pre>
 * ./submodel-uq --version                      # builds cases/target/submodel-uq.jar if needed
 * java -cp cases/target/submodel-uq.jar cases/examples/ZoneStudy.java [RUNS] [SAMPLES] [small]
 * </pre>
 *
 * RUNS full runs per position (default 120), SAMPLES Monte Carlo samples (default 2000); {@code small}
 * uses a coarse mesh and few steps, as CI does.
 */
public class ZoneStudy {

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        boolean small = args.length > 2 && args[2].equals("small");
        Path work = Files.createTempDirectory("zone-study");
        System.out.println("zone x range | runs | MC samples | peak von Mises: mean [95 % interval] | q95");
        for (double xMin : new double[] {0.4, 0.8}) {
            // the default case with the zone moved: a case file lists only what differs
            String yaml = String.format(Locale.ROOT, "name: zone-at-%.1f%nzone: {xMin: %.1f, xMax: %.1f}%n", xMin,
                    xMin, xMin + 0.4) + (small ? "mesh: {nx: 40, ny: 10}\ntime: {steps: 60, dt: 0.06}\n" : "");
            CaseSpec spec = CaseFiles.parse(yaml, "ZoneStudy");
            ZonedMesh zoned = new ZonedMesh(spec);

            Path training = work.resolve("training-" + xMin + ".h5");
            try (JavaSolver solver = new JavaSolver(new FullModel(zoned), 2)) {
                new TrainingCampaign(zoned, 1, runs, new double[] {0.7, 0.15, 0.15}, training)
                        .run(solver, "java", CampaignProgress.SILENT);
            }

            Path model = work.resolve("pca-" + xMin);
            GeneratorTraining.Result pca = GeneratorTraining.train(TrainingData.read(training, TrainingData.TRACES, 1),
                    new GeneratorTraining.Settings(GeneratorKind.PCA_GAUSSIAN, PcaReduction.DEFAULT_ENERGY, 0, WganGpOptions.defaults(), 1,
                            Device.cpu(), GeneratorTraining.Conditional.defaults(1)), model, TrainingListener.SILENT);

            Path out = work.resolve("mc-" + xMin + ".h5");
            MonteCarloResult result = new MonteCarloCampaign(new SubmodelSampler(new Submodel(zoned), pca.generator()),
                    new GeneratorLabel("pca-gaussian", GeneratorFiles.manifest(model).toString(), "cpu"),
                    CampaignSettings.of(samples, 7, 2), out).run(CampaignProgress.SILENT);

            MonteCarloFile.Contents back = MonteCarloFile.read(out);
            if (back.samples().length != samples || back.samples()[0][1] != result.samples()[0][1]) {
                throw new IllegalStateException("the file does not hold what the campaign computed");
            }
            QoiSummary vonMises = result.summaries().get(QuantitiesOfInterest.NAMES.indexOf("peak_von_mises"));
            System.out.printf(Locale.ROOT, "[%.1f, %.1f] | %d | %d | %.5f [%.5f, %.5f] | %.5f%n", xMin, xMin + 0.4,
                    runs, samples, vonMises.mean(), vonMises.meanInterval().lower(), vonMises.meanInterval().upper(),
                    vonMises.quantiles()[2]);
        }
        System.out.println("files in " + work);
    }
}
