package org.submodeluq.fem.solver;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.submodeluq.fem.model.FullModel;
import org.submodeluq.fem.model.Theta;
import org.submodeluq.fem.model.ThetaSampler;
import org.submodeluq.fem.spec.CaseFiles;
import org.submodeluq.fem.spec.CaseSpec;

/** Average-acceleration Newmark is the trapezoidal rule: it conserves a linear system's energy exactly. */
class EnergyConservationTest {

    @Test
    void totalEnergyStaysConstantOnceThePulseHasPassed() {
        CaseSpec spec = CaseFiles.defaultCase().withMesh(40, 10).withTime(1000, 0.02);
        FullModel model = new FullModel(spec);
        Theta theta = new ThetaSampler(spec, 3).sample(0);
        SystemMatrices system = model.assemble(theta);
        int quietFrom = (int) Math.ceil(theta.duration() / spec.time().dt()) + 1;
        double[] energy = new double[spec.time().steps() + 1];
        model.run(theta, (step, time, u, v, a) -> energy[step] = system.energy(u, v));

        double reference = energy[quietFrom];
        double drift = 0;
        for (int n = quietFrom; n < energy.length; n++) {
            drift = Math.max(drift, Math.abs(energy[n] - reference) / reference);
        }
        System.out.printf("energy after the pulse: %.6e, max relative drift over steps %d..%d: %.2e%n",
                reference, quietFrom, spec.time().steps(), drift);
        assertTrue(reference > 0, "the pulse must put energy in");
        assertTrue(drift < 1e-9, "relative energy drift " + drift);
    }
}
