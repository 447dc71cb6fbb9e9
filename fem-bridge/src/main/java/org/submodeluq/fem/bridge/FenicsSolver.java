package org.submodeluq.fem.bridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.submodeluq.core.BuildInfo;
import org.submodeluq.fem.mesh.TriangleMesh;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.BoundaryTraces;
import org.submodeluq.fem.model.FullModelSolver;
import org.submodeluq.fem.model.FullRun;
import org.submodeluq.fem.model.QuantitiesOfInterest;
import org.submodeluq.fem.model.Theta;
import org.submodeluq.fem.model.YoungsModulusField;
import org.submodeluq.fem.spec.CaseSpec;

/**
 * The full model run in FEniCS by a {@link WorkerPool}. Java keeps what both sides would otherwise
 * compute separately: it draws theta, evaluates the Karhunen-Loeve modulus field per cell and sends
 * it in {@link ZonedMesh#canonicalCellOrder() canonical cell order}, so that the only difference left
 * between a FEniCS run and a Java run is the linear solvers' round-off. Each reply is checked: its
 * length, finite values, and, once, the boundary nodes and time grid the model describes.
 */
public final class FenicsSolver implements FullModelSolver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CaseSpec spec;
    private final YoungsModulusField modulus;
    private final int[] canonicalCells;
    private final int nodes;
    private final WorkerPool pool;
    private final String description;

    /**
     * Starts the workers and checks that the model they serve fits the case.
     *
     * @param events one line per worker start or replacement
     * @throws WorkerException when the workers cannot start or describe a different discretisation
     */
    public FenicsSolver(ZonedMesh zoned, PythonRuntime runtime, WorkerPool.Settings settings,
                        Consumer<String> events) {
        this.spec = zoned.spec();
        this.modulus = new YoungsModulusField(zoned);
        this.canonicalCells = zoned.canonicalCellOrder();
        this.nodes = zoned.cutNodeCount();
        String caseJson;
        try {
            caseJson = JSON.writeValueAsString(Map.of("case", spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        this.pool = new WorkerPool(runtime, spec.fenics(), caseJson, settings, events);
        try {
            this.description = checkDescription(zoned, pool.description());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private String checkDescription(ZonedMesh zoned, String json) {
        JsonNode described;
        try {
            described = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw modelError("describe() returned text that is not JSON: " + e.getOriginalMessage());
        }
        JsonNode boundary = described.path("boundary_nodes");
        TriangleMesh zone = zoned.zone().mesh();
        int[] cut = zoned.cutNodesInZone();
        if (boundary.size() != cut.length) {
            throw modelError("describe() lists " + boundary.size() + " boundary nodes; the zone of case '" + spec.name()
                    + "' has " + cut.length);
        }
        double tolerance = 1e-9 * spec.plate().length();
        for (int k = 0; k < cut.length; k++) {
            if (!boundary.get(k).isArray() || boundary.get(k).size() != 2) {
                throw modelError("boundary node " + k + " of describe() is " + boundary.get(k) + "; expected [x, y]");
            }
            double dx = boundary.get(k).get(0).asDouble() - zone.x(cut[k]);
            double dy = boundary.get(k).get(1).asDouble() - zone.y(cut[k]);
            if (Math.hypot(dx, dy) > tolerance) {
                throw modelError("boundary node " + k + " of describe() is at (" + boundary.get(k).get(0).asDouble()
                        + ", " + boundary.get(k).get(1).asDouble() + "); the zone's is at (" + zone.x(cut[k]) + ", "
                        + zone.y(cut[k]) + ") (order: x = xMin bottom to top, then x = xMax)");
            }
        }
        JsonNode time = described.path("time");
        double[] times = spec.time().times();
        if (time.size() != times.length) {
            throw modelError("describe() has " + time.size() + " time steps; the case has " + times.length);
        }
        for (int s = 0; s < times.length; s++) {
            if (Math.abs(time.get(s).asDouble(Double.NaN) - times[s]) > 1e-9 * times[times.length - 1]) {
                throw modelError("describe() puts step " + (s + 1) + " at t = " + time.get(s) + "; the case at t = "
                        + times[s]);
            }
        }
        List<String> names = JSON.convertValue(described.path("qoi_names"), JSON.getTypeFactory()
                .constructCollectionType(List.class, String.class));
        if (!QuantitiesOfInterest.NAMES.equals(names)) {
            throw modelError("describe() names the quantities " + names + "; expected " + QuantitiesOfInterest.NAMES);
        }
        return "fenics: " + described.path("solver").asText("unknown version") + ", model " + spec.fenics().module()
                + "." + spec.fenics().className() + " (submodel-uq " + BuildInfo.version() + ", Py4J "
                + PythonRuntime.py4jVersion() + ")";
    }

    private static WorkerException modelError(String message) {
        return new WorkerException(WorkerException.Kind.MODEL, message);
    }

    /** The message a worker receives for one run. */
    String sampleJson(long index, Theta theta) {
        double[] moduli = modulus.cellModuli(theta.xi());
        ObjectNode sample = JSON.createObjectNode();
        sample.put("index", index);
        ObjectNode inputs = sample.putObject("theta");
        Theta.names(theta.xi().length).forEach(inputs.putArray("names")::add);
        for (double value : theta.toArray()) {
            inputs.withArray("values").add(value);
        }
        for (int cell : canonicalCells) {
            sample.withArray("cell_moduli").add(moduli[cell]);
        }
        return sample.toString();
    }

    @Override
    public FullRun run(long index, Theta theta) {
        byte[] reply;
        try {
            reply = pool.run(sampleJson(index, theta));
        } catch (WorkerException e) {
            throw new WorkerException(e.kind(), "sample " + index + ": " + e.getMessage(), e);
        }
        int steps = spec.time().steps();
        int traceValues = nodes * 2 * steps;
        int expected = 8 * (traceValues + QuantitiesOfInterest.NAMES.size());
        if (reply.length != expected) {
            throw modelError("the model returned " + reply.length + " bytes for sample " + index + "; expected "
                    + expected + " = 8 x (" + nodes + " nodes x 2 x " + steps + " steps + "
                    + QuantitiesOfInterest.NAMES.size() + " quantities), little-endian float64");
        }
        double[] values = new double[traceValues + QuantitiesOfInterest.NAMES.size()];
        ByteBuffer.wrap(reply).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(values);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                String where = i < traceValues ? "trace value (node " + i / (2 * steps) + ", component "
                        + i / steps % 2 + ", step " + i % steps + ")"
                        : "quantity " + QuantitiesOfInterest.NAMES.get(i - traceValues);
                throw modelError("the model returned " + values[i] + " for sample " + index + " at " + where);
            }
        }
        double[] traces = java.util.Arrays.copyOf(values, traceValues);
        return new FullRun(theta, new BoundaryTraces(nodes, steps, traces), new QuantitiesOfInterest(
                values[traceValues], values[traceValues + 1], values[traceValues + 2]));
    }

    /**
     * Times {@code calls} runs of one sample.
     *
     * @return per call, the round trip seen from Java and the model's own time inside it, in seconds
     */
    public double[][] timeCalls(Theta theta, int calls) {
        String sample = sampleJson(0, theta);
        double[][] times = new double[calls][];
        for (int c = 0; c < calls; c++) {
            times[c] = pool.timedRun(sample);
        }
        return times;
    }

    /** The pool, for tests and diagnostics. */
    public WorkerPool pool() {
        return pool;
    }

    @Override
    public int parallelism() {
        return pool.size();
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        pool.close();
    }
}
