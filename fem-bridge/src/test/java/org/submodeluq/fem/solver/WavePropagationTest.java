package org.submodeluq.fem.solver;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.submodeluq.fem.mesh.ZonedMesh;
import org.submodeluq.fem.model.FullModel;
import org.submodeluq.fem.model.Theta;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;

/**
 * A long thin strip with nu = 0 and free sides is a 1D bar: d'Alembert's solution says that a
 * traction tau(t) on its free end travels at c = sqrt(E / rho) with particle velocity tau / (rho c).
 */
class WavePropagationTest {

    private static final double AMPLITUDE = 0.01;
    private static final double DURATION = 1.0;
    private static final double TRAVEL = 5.0;

    private static final String BAR = """
            name: bar
            plate: {length: 10.0, height: 0.1}
            material: {youngsModulus: 1.0, density: 1.0, poissonRatio: 0.0}
            zone: {xMin: 4.0, xMax: 6.0}
            load: {direction: [-1.0, 0.0], profile: uniform, width: 1.0, amplitude: 0.01, duration: 1.0, centre: 0.05}
            modulusField: {modes: 0}
            mesh: {nx: 400, ny: 4}
            time: {steps: 640, dt: 0.0125}
            """;

    @Test
    void halfSinePulseArrivesAtTheWaveSpeedWithTheDalembertAmplitude() {
        CaseSpec bar = CaseFiles.parse(BAR, "bar");
        ZonedMesh zoned = new ZonedMesh(bar);
        int probe = zoned.full().nodesWhere((x, y) -> Math.abs(x - (10.0 - TRAVEL)) < 1e-9)[0];
        int steps = bar.time().steps();
        double[] velocity = new double[steps + 1];
        new FullModel(zoned).run(new Theta(AMPLITUDE, DURATION, 0.05, new double[0]),
                (step, time, u, v, a) -> velocity[step] = v[2 * probe]);

        double c = Math.sqrt(bar.material().youngsModulus() / bar.material().density());
        double expectedPeak = AMPLITUDE / (bar.material().density() * c);
        double peak = 0;
        for (double v : velocity) {
            peak = Math.max(peak, -v);
        }
        // the rising flank of sin(pi s / T) crosses half its peak at s = T / 6
        double halfCrossing = Double.NaN;
        for (int n = 1; n <= steps && Double.isNaN(halfCrossing); n++) {
            if (-velocity[n] >= 0.5 * peak) {
                double fraction = (0.5 * peak + velocity[n - 1]) / (velocity[n - 1] - velocity[n]);
                halfCrossing = (n - 1 + fraction) * bar.time().dt();
            }
        }
        double arrival = halfCrossing - DURATION / 6;
        double expectedArrival = TRAVEL / c;
        double peakValue = peak;
        System.out.printf("bar: arrival %.4f (d'Alembert %.4f, %.3f %%), peak velocity %.8f (d'Alembert %.8f, %.3f %%)%n",
                arrival, expectedArrival, 100 * (arrival / expectedArrival - 1), peak, expectedPeak,
                100 * (peak / expectedPeak - 1));
        assertAll(
                () -> assertEquals(expectedArrival, arrival, 0.02 * expectedArrival, "arrival time"),
                () -> assertEquals(expectedPeak, peakValue, 0.03 * expectedPeak, "peak particle velocity"));
    }
}
