import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.BoundaryTraces;
import org.submodeluq.fem.model.Submodel;
import org.submodeluq.fem.spec.CaseFiles;

/** Replay: java -cp ... Replay.java IN.h5 DATASET OUT.txt [THREADS]  -> QoI (N,3) as text, %.17g. */
public class Replay {
    public static void main(String[] a) throws Exception {
        String in = a[0], ds = a[1], out = a[2];
        int threads = a.length > 3 ? Integer.parseInt(a[3]) : 2;
        Submodel sub = new Submodel(new ZonedMesh(CaseFiles.defaultCase()));
        long t0 = System.nanoTime();
        try (HdfFile f = new HdfFile(Path.of(in)); PrintWriter w = new PrintWriter(out)) {
            Dataset d = f.getDatasetByPath(ds);
            int[] dims = d.getDimensions();
            int n = dims[0], nodes = dims[1], steps = dims[3];
            int batch = 250;
            ForkJoinPool pool = new ForkJoinPool(threads);
            for (int s = 0; s < n; s += batch) {
                int m = Math.min(batch, n - s);
                double[][][][] tr = (double[][][][]) d.getData(new long[] {s, 0, 0, 0}, new int[] {m, nodes, 2, steps});
                double[][] q = pool.submit(() -> IntStream.range(0, m).parallel()
                        .mapToObj(i -> sub.run(BoundaryTraces.of(tr[i], nodes, steps)).toArray())
                        .toArray(double[][]::new)).get();
                for (double[] r : q) w.println(String.format(Locale.ROOT, "%.17g %.17g %.17g", r[0], r[1], r[2]));
            }
            pool.shutdown();
            System.err.printf(Locale.ROOT, "replayed %d samples in %.1f s (%d threads)%n", n, (System.nanoTime() - t0) / 1e9, threads);
        }
    }
}
