package org.submodeluq.fem.bridge;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.submodeluq.core.BuildInfo;
import org.submodeluq.core.io.Directories;
import org.submodeluq.fem.spec.FenicsModel;

/**
 * The Python a worker runs under: the interpreter (the {@code --python} option, else
 * {@code $SUBMODEL_UQ_PYTHON}, else the case's {@code fenics.python}, by default Debian's
 * {@code /usr/bin/python3}, which is where {@code apt-get install python3-dolfinx} puts DOLFINx), and
 * the worker package with Py4J's Python half, copied out of the jar once per version into the user's
 * cache ({@code ~/.cache/submodel-uq}), which goes on PYTHONPATH.
 */
public final class PythonRuntime {

    private static final String PY4J_VERSION = BuildInfo.read(PythonRuntime.class, "py4j.properties")
            .getProperty("version", "unknown");

    /** Environment variable naming the interpreter, between the option and the case file in precedence. */
    public static final String PYTHON_VARIABLE = "SUBMODEL_UQ_PYTHON";

    private static final String RESOURCES = "python/";
    private static final List<String> PACKAGE_FILES = List.of("submodel_uq_worker/__init__.py",
            "submodel_uq_worker/__main__.py", "submodel_uq_worker/plate_impact.py");

    private final String interpreter;
    private final Path home;

    private PythonRuntime(String interpreter, Path home) {
        this.interpreter = interpreter;
        this.home = home;
    }

    /**
     * @param option the interpreter named on the command line, or null
     * @param model the case's FEniCS settings
     */
    public static PythonRuntime resolve(String option, FenicsModel model) {
        String fromEnvironment = System.getenv(PYTHON_VARIABLE);
        String interpreter = option != null ? option
                : fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : model.python();
        if (!Files.isExecutable(Path.of(interpreter)) && !interpreter.equals(Path.of(interpreter).getFileName()
                .toString())) {
            throw new WorkerException(WorkerException.Kind.STARTUP, "Python interpreter '" + interpreter
                    + "' not found; install FEniCS with 'apt-get install -y python3-dolfinx' (Debian/Ubuntu) or name "
                    + "an interpreter that has DOLFINx (the python setting, $" + PYTHON_VARIABLE
                    + " or the case's fenics.python)");
        }
        return new PythonRuntime(interpreter, unpackedHome());
    }

    /**
     * Whether FEniCS can run here: null when the interpreter imports dolfinx, else the reason it cannot,
     * in a few words.
     */
    public static String probe(String option, FenicsModel model) {
        String interpreter;
        try {
            interpreter = resolve(option, model).interpreter();
        } catch (WorkerException e) {
            return e.getMessage();
        }
        try {
            Process process = new ProcessBuilder(interpreter, "-c", "import dolfinx").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return interpreter + " took more than 2 minutes to import dolfinx";
            }
            return process.exitValue() == 0 ? null : interpreter + " cannot import dolfinx (apt-get install -y "
                    + "python3-dolfinx)";
        } catch (IOException e) {
            return "cannot start " + interpreter + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while checking " + interpreter;
        }
    }

    public String interpreter() {
        return interpreter;
    }

    /** The command that starts a worker. */
    List<String> command(FenicsModel model, String workerId, int gatewayPort) {
        return List.of(interpreter, "-u", "-m", "submodel_uq_worker", "--port", Integer.toString(gatewayPort),
                "--module", model.module(), "--class", model.className(), "--worker-id", workerId);
    }

    /** Adds what a worker needs to its environment: PYTHONPATH, the token, the Py4J source. */
    void configure(Map<String, String> environment, FenicsModel model, String token) {
        List<String> path = new ArrayList<>(model.pythonPath().stream()
                .map(entry -> Path.of(entry).toAbsolutePath().toString()).toList());
        path.add(home.toString());
        prependToPythonPath(environment, path);
        environment.put("SUBMODEL_UQ_TOKEN", token);
        environment.put("SUBMODEL_UQ_PY4J_ZIP", home.resolve(py4jZip()).toString());
        environment.put("SUBMODEL_UQ_PY4J_VERSION", py4jVersion());
        environment.put("PYTHONDONTWRITEBYTECODE", "1");
        environment.put("OMP_NUM_THREADS", "1");
        environment.put("OPENBLAS_NUM_THREADS", "1");
    }

    /**
     * Puts the worker package on {@code environment}'s PYTHONPATH, for a script of this project that
     * imports it (the DOLFINx timing reference steps with the worker's own time loop).
     */
    public void addWorkerPackage(Map<String, String> environment) {
        prependToPythonPath(environment, List.of(home.toString()));
    }

    private static void prependToPythonPath(Map<String, String> environment, List<String> entries) {
        List<String> path = new ArrayList<>(entries);
        String inherited = environment.get("PYTHONPATH");
        if (inherited != null && !inherited.isBlank()) {
            path.add(inherited);
        }
        environment.put("PYTHONPATH", String.join(File.pathSeparator, path));
    }

    /** The Py4J version of both halves of the bridge, as the build recorded it. */
    static String py4jVersion() {
        return PY4J_VERSION;
    }

    private static String py4jZip() {
        return "py4j-src-" + py4jVersion() + ".zip";
    }

    /**
     * The worker package and Py4J zip, copied into the user's cache under a name that hashes their
     * content, so that every build version, and every edit during development, gets its own copy; two
     * JVMs unpacking at once both end up using the one that landed.
     */
    private static Path unpackedHome() {
        List<String> files = new ArrayList<>(PACKAGE_FILES);
        files.add(py4jZip());
        Map<String, byte[]> contents = new java.util.LinkedHashMap<>();
        CRC32 checksum = new CRC32();
        for (String file : files) {
            try (InputStream in = PythonRuntime.class.getResourceAsStream(RESOURCES + file)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + RESOURCES + file + " is missing from the jar");
                }
                byte[] bytes = in.readAllBytes();
                contents.put(file, bytes);
                checksum.update(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path home = cacheDirectory().resolve("python-" + Long.toHexString(checksum.getValue()));
        if (Files.isDirectory(home)) {
            return home;
        }
        try {
            Files.createDirectories(home.getParent());
            Path staging = Files.createTempDirectory(home.getParent(), home.getFileName() + ".staging");
            for (Map.Entry<String, byte[]> file : contents.entrySet()) {
                Path target = staging.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            try {
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                Directories.deleteTree(staging);
                if (!Files.isDirectory(home)) {
                    throw raced;
                }
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the Python worker into " + home + ": " + e.getMessage(), e);
        }
    }

    /** The user's own cache ($XDG_CACHE_HOME or ~/.cache), so no other user can plant code in it. */
    private static Path cacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("submodel-uq");
    }
}
