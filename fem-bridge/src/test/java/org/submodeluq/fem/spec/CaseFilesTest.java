package org.submodeluq.fem.spec;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.submodeluq.core.UserInputException;

class CaseFilesTest {

    @Test
    void defaultCaseIsThePlateImpactOfTheDesign() {
        CaseSpec spec = CaseFiles.defaultCase();
        assertAll(
                () -> assertEquals("plate-impact", spec.name()),
                () -> assertEquals(new Plate(2.0, 0.5), spec.plate()),
                () -> assertEquals(new Material(1.0, 1.0, 0.3, PlaneHypothesis.PLANE_STRAIN), spec.material()),
                () -> assertEquals(new Zone(0.6, 1.0), spec.zone()),
                () -> assertEquals(new MeshResolution(80, 20), spec.mesh()),
                () -> assertEquals(new TimeGrid(200, 0.02), spec.time()),
                () -> assertEquals(8, spec.modulusField().modes()),
                () -> assertEquals(new ScalarDistribution.LogNormal(1.0, 0.25), spec.load().amplitude()),
                () -> assertEquals(new ScalarDistribution.Uniform(0.25, 0.75), spec.load().duration()),
                () -> assertArrayEquals(new double[] {-1, 0}, spec.load().direction()));
    }

    @Test
    void caseFileListsOnlyWhatDiffersFromTheDefault() {
        CaseSpec spec = CaseFiles.parse("name: finer\nmesh: {nx: 160}\nload: {amplitude: 2.5}\n", "finer.yaml");
        assertAll(
                () -> assertEquals("finer", spec.name()),
                () -> assertEquals(new MeshResolution(160, 20), spec.mesh()),
                () -> assertEquals(new ScalarDistribution.Fixed(2.5), spec.load().amplitude()),
                () -> assertEquals(CaseFiles.defaultCase().material(), spec.material()));
    }

    @Test
    void writtenCaseReadsBackEqual() {
        CaseSpec spec = CaseFiles.parse("load: {direction: [3, 4], profile: uniform}\n", "x.yaml");
        assertEquals(spec, CaseFiles.parse(CaseFiles.toYaml(spec), "written"));
        assertArrayEquals(new double[] {0.6, 0.8}, spec.load().direction(), 1e-15);
    }

    @Test
    void loadsEmbeddedCasesByNameAndFilesByPath(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("mine.yaml");
        Files.writeString(file, "zone: {xMin: 0.5, xMax: 1.5}\n");
        assertEquals(CaseFiles.defaultCase(), CaseFiles.load("plate-impact"));
        assertEquals(new Zone(0.5, 1.5), CaseFiles.load(file.toString()).zone());
        UserInputException missing = assertThrows(UserInputException.class, () -> CaseFiles.load("no-such-case"));
        assertEquals("case 'no-such-case' is neither an embedded case [plate-impact] nor a readable file",
                missing.getMessage());
    }

    @Test
    void rejectsUnknownKeyNamingTheKeyTheFileAndTheAllowedKeys() {
        assertOneLineError("zone: {xmin: 0.5}\n",
                "case file 'bad.yaml': unknown key 'zone.xmin' (allowed here: xMax, xMin)");
        assertOneLineError("colour: red\n", "case file 'bad.yaml': unknown key 'colour' (allowed here: fenics, load, "
                + "material, mesh, modulusField, name, plate, time, zone)");
    }

    @Test
    void rejectsNegativeDensity() {
        assertOneLineError("material: {density: -1}\n",
                "case file 'bad.yaml': material.density = -1.0 is not allowed: must be a finite number > 0");
    }

    @Test
    void rejectsZoneOutsideThePlate() {
        assertOneLineError("zone: {xMax: 2.5}\n", "case file 'bad.yaml': zone.xMax = 2.5 is not allowed: the zone "
                + "must lie inside the plate, 0 < xMin < xMax < plate.length = 2.0");
        assertOneLineError("zone: {xMin: 1.2}\n",
                "case file 'bad.yaml': zone.xMax = 1.0 is not allowed: must be greater than xMin = 1.2");
    }

    @Test
    void rejectsMeshWhoseLinesMissTheZoneBoundaries() {
        assertOneLineError("mesh: {nx: 81}\n", "case file 'bad.yaml': mesh.nx = 81 puts no mesh line on the zone's "
                + "boundaries x = 0.6 and x = 1.0: choose nx so that x * nx / plate.length is an integer for both "
                + "(nx = 90 does)");
    }

    @Test
    void rejectsValuesOfTheWrongKind() {
        assertOneLineError("mesh: {nx: many}\n",
                "case file 'bad.yaml': mesh.nx = 'many' is not allowed: expected an integer");
        assertOneLineError("material: {hypothesis: plane}\n",
                "case file 'bad.yaml': material.hypothesis = 'plane' is not allowed: expected one of plane-strain, "
                        + "plane-stress");
        assertOneLineError("load: {amplitude: 'gauss(1)'}\n", "case file 'bad.yaml': load.amplitude = 'gauss(1)' is "
                + "not a distribution: write a number, uniform(min=a, max=b) or lognormal(median=m, logStd=s)");
        assertOneLineError("load: {duration: 'uniform(min=-1, max=1)'}\n", "case file 'bad.yaml': load.duration = "
                + "uniform(min=-1.0, max=1.0) is not allowed: durations must be > 0");
        assertOneLineError("material: {poissonRatio: 0.5}\n", "case file 'bad.yaml': material.poissonRatio = 0.5 is "
                + "not allowed: must be in [0, 0.5) (0.5 is incompressible, which P1 elements lock on)");
    }

    @Test
    void rejectsFractionalIntegersInsteadOfTruncatingThem() {
        assertOneLineError("mesh: {nx: 20.5}\n",
                "case file 'bad.yaml': mesh.nx = '20.5' is not allowed: expected an integer");
        assertOneLineError("time: {steps: 10.7}\n",
                "case file 'bad.yaml': time.steps = '10.7' is not allowed: expected an integer");
        assertOneLineError("modulusField: {modes: 2.5}\n",
                "case file 'bad.yaml': modulusField.modes = '2.5' is not allowed: expected an integer");
        assertOneLineError("mesh: {nx: 1e10}\n",
                "case file 'bad.yaml': mesh.nx = '1.0E10' is not allowed: expected an integer");
    }

    @Test
    void aDistributionCutAtItsCommaInAFlowMappingSaysToQuoteIt() {
        assertOneLineError("load: {amplitude: uniform(min=1, max=2)}\n", "case file 'bad.yaml': load.amplitude = "
                + "'uniform(min=1' is not a distribution: write a number, uniform(min=a, max=b) or lognormal(median=m, "
                + "logStd=s) (inside {...} YAML splits at the comma: put the distribution in quotes, "
                + "\"uniform(min=a, max=b)\")");
    }

    @Test
    void acceptsWholeNumbersWrittenAsDecimals() {
        CaseSpec spec = CaseFiles.parse("mesh: {nx: 1.6e2, ny: 40.0}\ntime: {steps: 2e2}\n", "fine.yaml");
        assertEquals(new MeshResolution(160, 40), spec.mesh());
        assertEquals(200, spec.time().steps());
    }

    @Test
    void rejectsTextThatIsNotYaml() {
        UserInputException error = assertThrows(UserInputException.class, () -> CaseFiles.parse("zone: [\n", "broken.yaml"));
        assertTrue(error.getMessage().startsWith("case file 'broken.yaml' is not valid YAML: "), error.getMessage());
        assertFalse(error.getMessage().contains("\n"), error.getMessage());
    }

    private static void assertOneLineError(String yaml, String expected) {
        UserInputException error = assertThrows(UserInputException.class, () -> CaseFiles.parse(yaml, "bad.yaml"));
        assertEquals(expected, error.getMessage());
    }
}
