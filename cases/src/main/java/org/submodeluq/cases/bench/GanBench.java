package org.submodeluq.cases.bench;

import ai.djl.Device;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
 * validation at the last iteration, but not the checkpoint after it. Beside it, where the interpreter imports
 * torch, the same loop in PyTorch eager ({@code wgan_gp_torch.py}, the reference that issue 18 measured us
 * against) with as many threads and iterations.
 */
public final class GanBench {

    private static final int WARM_UP = 20;
    /** The interpreter of the PyTorch reference when the bench names none. */
    public static final String DEFAULT_PYTHON = "/usr/bin/python3";

    private GanBench() {
    }

    /**
     * Training speed with {@code threads} libtorch threads over {@code iterations} timed iterations, and the
     * PyTorch reference's.
     *
     * @param pytorchIterationsPerS PyTorch eager's iterations/s, or null when it was not timed
     * @param pytorchSkipped why PyTorch was not timed, or null when it was
     */
    public record Speed(int threads, int iterations, double iterationsPerS, Double pytorchIterationsPerS,
                        String pytorchSkipped) {

        /** DJL's speed over PyTorch's, or null without PyTorch. */
        public Double overPytorch() {
            return pytorchIterationsPerS == null ? null : iterationsPerS / pytorchIterationsPerS;
        }
    }

    /**
     * DJL's iterations per second with {@code threads} libtorch threads, measured in a child JVM, then
     * PyTorch's with {@code python} when it imports torch.
     */
    public static Speed time(int threads, int iterations, String python) {
        double djl = djl(threads, iterations);
        if (!imports(python, "torch")) {
            return new Speed(threads, iterations, djl, null, "python3-torch not importable by " + python);
        }
        return new Speed(threads, iterations, djl, pytorch(python, threads, iterations).iterationsPerS(), null);
    }

    /** What the PyTorch reference printed: its speed and the parameter counts of its two networks. */
    public record Reference(double iterationsPerS, String version, long generatorParameters, long criticParameters) {
    }

    /**
     * Runs the PyTorch reference with {@code threads} intra-op threads (OpenBLAS's too) for {@code iterations}
     * timed iterations after {@code warmUp} untimed ones.
     */
    public static Reference pytorch(String python, int threads, int iterations, int warmUp) {
        String[] words = run(List.of(python, ReferenceScript.extract("wgan_gp_torch.py").toString(), Integer.toString(threads), Integer.toString(iterations),
                Integer.toString(warmUp)), threads, "torch ", "the PyTorch reference").split(" ");
        return new Reference(Double.parseDouble(words[2]), words[4], Long.parseLong(words[6]), Long.parseLong(words[8]));
    }

    private static Reference pytorch(String python, int threads, int iterations) {
        return pytorch(python, threads, iterations, WARM_UP);
    }

    /** Whether {@code python} imports {@code module} (false when it cannot even start). */
    static boolean imports(String python, String module) {
        try {
            Process probe = new ProcessBuilder(python, "-c", "import " + module)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor(1, TimeUnit.MINUTES) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static double djl(int threads, int iterations) {
        String line = run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), GanBench.class.getName(), Integer.toString(threads),
                Integer.toString(iterations)), threads, "gan ", "the WGAN-GP timing");
        return Double.parseDouble(line.split(" ")[2]);
    }

    /** Runs a timing child and returns its line starting with {@code prefix}. */
    private static String run(List<String> command, int threads, String prefix, String what) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
            builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
            Process child = builder.start();
            child.getOutputStream().close();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!child.waitFor(1, TimeUnit.HOURS) || child.exitValue() != 0) {
                throw new UserInputException(what + " failed: " + output.lines().filter(l -> !l.isBlank())
                        .reduce((a, b) -> b).orElse("no output"));
            }
            return output.lines().filter(l -> l.startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new UserInputException(what + " printed nothing"));
        } catch (IOException e) {
            throw new UserInputException("cannot run " + command.get(0) + ": " + e.getMessage());
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
