import java.io.*;
import java.nio.*;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.*;
import org.submodeluq.fem.spec.CaseFiles;

/** Full runs at given theta: java ... RunTheta.java THETA.txt OUT.bin [THREADS]; OUT.bin = raw float64 LE (N,42,2,200), OUT.bin.qoi.txt */
public class RunTheta {
    public static void main(String[] a) throws Exception {
        List<double[]> rows = new ArrayList<>();
        for (String l : Files.readAllLines(Path.of(a[0]))) if (!l.isBlank())
            rows.add(Arrays.stream(l.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray());
        int threads = a.length > 2 ? Integer.parseInt(a[2]) : 2;
        FullModel model = new FullModel(new ZonedMesh(CaseFiles.defaultCase()));
        ForkJoinPool pool = new ForkJoinPool(threads);
        FullRun[] runs = pool.submit(() -> IntStream.range(0, rows.size()).parallel().mapToObj(i -> {
            double[] r = rows.get(i);
            return model.run(new Theta(r[0], r[1], r[2], Arrays.copyOfRange(r, 3, r.length)));
        }).toArray(FullRun[]::new)).get();
        pool.shutdown();
        try (OutputStream o = new BufferedOutputStream(new FileOutputStream(a[1]), 1 << 20);
             PrintWriter w = new PrintWriter(a[1] + ".qoi.txt")) {
            for (FullRun run : runs) {
                double[][][] t = run.traces().toArray();
                ByteBuffer b = ByteBuffer.allocate(t.length * 2 * t[0][0].length * 8).order(ByteOrder.LITTLE_ENDIAN);
                for (double[][] n : t) for (double[] c : n) for (double v : c) b.putDouble(v);
                o.write(b.array());
                double[] q = run.quantities().toArray();
                w.println(String.format(Locale.ROOT, "%.17g %.17g %.17g", q[0], q[1], q[2]));
            }
        }
    }
}
