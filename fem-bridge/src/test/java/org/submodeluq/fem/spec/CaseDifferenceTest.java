package org.submodeluq.fem.spec;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaseDifferenceTest {

    private static final String SMALL = "name: small\nmesh: {nx: 40, ny: 10}\ntime: {steps: 50, dt: 0.04}\n";

    private static CaseSpec small(String more) {
        return CaseFiles.parse(SMALL + more, "small.yaml");
    }

    @Test
    void aTimeStepOfHalfTheTrainedOneIsASubmodelDifferenceNamedWithBothValues() {
        CaseSpec trained = small("");
        CaseSpec here = CaseFiles.parse("name: small\nmesh: {nx: 40, ny: 10}\ntime: {steps: 50, dt: 0.02}\n", "x.yaml");
        Optional<CaseDifference> difference = CaseDifference.firstInSubmodel(here, trained);
        assertAll(
                () -> assertEquals(Optional.of(new CaseDifference("time.dt", "0.02", "0.04")), difference),
                () -> assertEquals("time.dt = 0.02 here, 0.04 there", difference.orElseThrow().toString()),
                () -> assertEquals(Optional.empty(), CaseDifference.firstInOuterModel(here, trained)));
    }

    @Test
    void eachKeyTheSubmodelComputesWithIsADifferenceTheFirstInCaseFileOrder() {
        CaseSpec trained = small("");
        assertAll(
                () -> assertEquals("plate.height = 1.0 here, 0.5 there", CaseDifference.firstInSubmodel(
                        small("plate: {height: 1.0}\n").withTime(50, 0.02), trained).orElseThrow().toString()),
                () -> assertEquals("plate.length = 4.0 here, 2.0 there", CaseDifference.firstInSubmodel(
                        small("plate: {length: 4.0}\n").withMesh(80, 10), trained).orElseThrow().toString()),
                () -> assertEquals("material.youngsModulus = 2.0 here, 1.0 there", CaseDifference.firstInSubmodel(
                        small("material: {youngsModulus: 2.0}\n"), trained).orElseThrow().toString()),
                () -> assertEquals("material.density = 2.0 here, 1.0 there", CaseDifference.firstInSubmodel(
                        small("material: {density: 2.0}\n"), trained).orElseThrow().toString()),
                () -> assertEquals("material.poissonRatio = 0.25 here, 0.3 there", CaseDifference.firstInSubmodel(
                        small("material: {poissonRatio: 0.25}\n"), trained).orElseThrow().toString()),
                () -> assertEquals("material.hypothesis = plane-stress here, plane-strain there",
                        CaseDifference.firstInSubmodel(small("material: {hypothesis: plane-stress}\n"), trained)
                                .orElseThrow().toString()),
                () -> assertEquals("zone.xMin = 0.5 here, 0.6 there", CaseDifference.firstInSubmodel(
                        small("zone: {xMin: 0.5}\n"), trained).orElseThrow().toString()),
                () -> assertEquals("zone.xMax = 1.5 here, 1.0 there", CaseDifference.firstInSubmodel(
                        small("zone: {xMax: 1.5}\n"), trained).orElseThrow().toString()),
                () -> assertEquals("mesh.nx = 80 here, 40 there", CaseDifference.firstInSubmodel(
                        trained.withMesh(80, 10), trained).orElseThrow().toString()),
                () -> assertEquals("mesh.ny = 20 here, 10 there", CaseDifference.firstInSubmodel(
                        trained.withMesh(40, 20), trained).orElseThrow().toString()),
                () -> assertEquals("time.steps = 100 here, 50 there", CaseDifference.firstInSubmodel(
                        trained.withTime(100, 0.04), trained).orElseThrow().toString()));
    }

    @Test
    void theLoadAndModulusFieldAreTheOuterModelsAndLeaveTheSubmodelAlone() {
        CaseSpec trained = small("");
        CaseSpec louder = small("load: {amplitude: 2.0}\n");
        CaseSpec sideways = small("load: {direction: [0, 1], profile: uniform, width: 0.1}\n");
        CaseSpec stiffer = small("modulusField: {modes: 4, logStd: 0.5}\n");
        assertAll(
                () -> assertEquals(Optional.empty(), CaseDifference.firstInSubmodel(louder, trained)),
                () -> assertEquals(Optional.empty(), CaseDifference.firstInSubmodel(sideways, trained)),
                () -> assertEquals(Optional.empty(), CaseDifference.firstInSubmodel(stiffer, trained)),
                () -> assertEquals("load.amplitude = 2.0 here, lognormal(median=1.0, logStd=0.25) there",
                        CaseDifference.firstInOuterModel(louder, trained).orElseThrow().toString()),
                () -> assertEquals("load.direction = [0.0, 1.0] here, [-1.0, 0.0] there",
                        CaseDifference.firstInOuterModel(sideways, trained).orElseThrow().toString()),
                () -> assertEquals("modulusField.modes = 4 here, 8 there",
                        CaseDifference.firstInOuterModel(stiffer, trained).orElseThrow().toString()));
    }

    @Test
    void theNameFenicsSettingsAndAnUnnormalisedDirectionAreNoDifference() {
        CaseSpec trained = small("");
        CaseSpec renamed = CaseFiles.parse(SMALL.replace("small", "other")
                + "load: {direction: [-3, 0]}\nfenics: {python: /opt/python3}\n", "other.yaml");
        assertAll(
                () -> assertEquals(Optional.empty(), CaseDifference.firstInSubmodel(renamed, trained)),
                () -> assertEquals(Optional.empty(), CaseDifference.firstInOuterModel(renamed, trained)));
    }
}
