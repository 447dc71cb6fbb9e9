package org.submodeluq.cases.bench;

import ai.djl.Device;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.submodeluq.core.io.Directories;
import org.submodeluq.core.UserInputException;
import org.submodeluq.nn.DjlRuntime;
import org.submodeluq.surrogate.gan.TrainingListener;
import org.submodeluq.surrogate.gan.WganGpOptions;
import org.submodeluq.surrogate.gan.WganGpTrainer;

/**
 * WGAN-GP training speed with the default options ({@link WganGpOptions#defaults()}: generator
 * 32 -> 256 -> 256 -> 512, critic 512 -> 256 -> 256 -> 1, batch 64, 5 critic steps per iteration) on 512
 * Gaussian features, in a fresh JVM per thread count: libtorch fixes its thread count when it loads. The
 * first 20 iterations are warm-up. Validations (256 generated samples against 64, a few milliseconds) and
 * checkpoints come at their default periods, as in training, and are timed with the rest; so is the
 * validation at the last iteration, but not the checkpoint after it.
 */
public final class GanBench {

    private static final int WARM_UP = 20;

    private GanBench() {
    }

    /** Training speed with {@code threads} libtorch threads over {@code iterations} timed iterations. */
    public record Speed(int threads, int iterations, double iterationsPerS) {
    }

    /** Iterations per second with {@code threads} libtorch threads, measured in a child JVM. */
    public static Speed time(int threads, int iterations) {
        try {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), GanBench.class.getName(), Integer.toString(threads),
                    Integer.toString(iterations)).redirectErrorStream(true).start();
            child.getOutputStream().close();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!child.waitFor(1, TimeUnit.HOURS) || child.exitValue() != 0) {
                throw new UserInputException("the WGAN-GP timing failed: " + output.lines().filter(l -> !l.isBlank())
                        .reduce((a, b) -> b).orElse("no output"));
            }
            String line = output.lines().filter(l -> l.startsWith("gan ")).findFirst()
                    .orElseThrow(() -> new UserInputException("the WGAN-GP timing printed nothing"));
            return new Speed(threads, iterations, Double.parseDouble(line.split(" ")[2]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserInputException("interrupted while timing WGAN-GP");
        }
    }

    /** Child JVM: {@code threads iterations}; prints "gan THREADS RATE". */
    public static void main(String[] args) throws IOException {
        int threads = Integer.parseInt(args[0]);
        int iterations = Integer.parseInt(args[1]);
        DjlRuntime.configure(threads);
        Random random = new Random(1);
        double[][] data = new double[2000][512];
        for (double[] row : data) {
            for (int k = 0; k < row.length; k++) {
                row[k] = random.nextGaussian();
            }
        }
        WganGpOptions options = WganGpOptions.defaults().withIterations(WARM_UP + iterations);
        Path scratch = Files.createTempDirectory("submodel-uq-gan-bench");
        long[] clock = new long[2];
        try {
            new WganGpTrainer(options, data, Arrays.copyOf(data, 64), scratch, Device.cpu(),
                    new TrainingListener() {
                        @Override
                        public void iteration(int iteration, int total, double criticLoss, double wasserstein) {
                            if (iteration == WARM_UP) {
                                clock[0] = System.nanoTime();
                            } else if (iteration == total) {
                                clock[1] = System.nanoTime();
                            }
                        }
                    }).train();
        } finally {
            Directories.deleteTree(scratch);
        }
        System.out.printf("gan %d %.3f%n", threads, iterations / ((clock[1] - clock[0]) * 1e-9));
    }
}
