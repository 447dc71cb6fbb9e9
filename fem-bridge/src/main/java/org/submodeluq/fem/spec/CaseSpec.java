package org.submodeluq.fem.spec;

import org.submodeluq.core.UserInputException;

/**
 * One study case: geometry, material, zone of interest, random load and modulus field, and the
 * discretisation. Immutable and validated; every run writes it back out next to its results.
 *
 * @param name short identifier, used in file attributes and reports
 * @param plate the structure
 * @param material the elastic material
 * @param zone the zone of interest (submodel)
 * @param load the random impact on x = length
 * @param modulusField the random Young's modulus outside the zone
 * @param mesh the structured triangulation
 * @param time the time grid
 * @param fenics the case's full model in FEniCS
 */
public record CaseSpec(String name, Plate plate, Material material, Zone zone, TractionPulse load,
                       ModulusField modulusField, MeshResolution mesh, TimeGrid time, FenicsModel fenics) {

    /** Relative tolerance for "a mesh line falls on this coordinate". */
    private static final double ON_LINE_TOLERANCE = 1e-9;

    public CaseSpec {
        Rules.requirePresent("name", name);
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new UserInputException("name", "= '" + name + "' is not allowed: use letters, digits, '.', '_' and '-'");
        }
        Rules.requirePresent("plate", plate);
        Rules.requirePresent("material", material);
        Rules.requirePresent("zone", zone);
        Rules.requirePresent("load", load);
        Rules.requirePresent("modulusField", modulusField);
        Rules.requirePresent("mesh", mesh);
        Rules.requirePresent("time", time);
        Rules.requirePresent("fenics", fenics);
        requireZoneInside(plate, zone);
        requireLinesOnZone(plate, zone, mesh);
        if (load.centre().lowerBound() < 0 || load.centre().upperBound() > plate.height()) {
            throw new UserInputException("load.centre", "= " + load.centre().text()
                    + " is not allowed: the patch centre must stay in [0, plate.height = " + plate.height() + "]");
        }
    }

    private static void requireZoneInside(Plate plate, Zone zone) {
        if (!(zone.xMin() > 0)) {
            throw new UserInputException("zone.xMin", "= " + zone.xMin()
                    + " is not allowed: the zone must lie inside the plate, 0 < xMin < xMax < plate.length = "
                    + plate.length());
        }
        if (!(zone.xMax() < plate.length())) {
            throw new UserInputException("zone.xMax", "= " + zone.xMax()
                    + " is not allowed: the zone must lie inside the plate, 0 < xMin < xMax < plate.length = "
                    + plate.length());
        }
    }

    private static void requireLinesOnZone(Plate plate, Zone zone, MeshResolution mesh) {
        if (!linesFallOn(plate, zone, mesh.nx())) {
            int suggestion = mesh.nx();
            while (suggestion < 100 * mesh.nx() && !linesFallOn(plate, zone, suggestion)) {
                suggestion++;
            }
            String hint = linesFallOn(plate, zone, suggestion) ? " (nx = " + suggestion + " does)" : "";
            throw new UserInputException("mesh.nx", "= " + mesh.nx() + " puts no mesh line on the zone's boundaries x = "
                    + zone.xMin() + " and x = " + zone.xMax() + ": choose nx so that x * nx / plate.length is an "
                    + "integer for both" + hint);
        }
    }

    private static boolean linesFallOn(Plate plate, Zone zone, int nx) {
        return isInteger(zone.xMin() * nx / plate.length()) && isInteger(zone.xMax() * nx / plate.length());
    }

    private static boolean isInteger(double x) {
        return Math.abs(x - Math.rint(x)) <= ON_LINE_TOLERANCE * Math.max(1, Math.abs(x));
    }

    /** The same case on another mesh. */
    public CaseSpec withMesh(int nx, int ny) {
        return new CaseSpec(name, plate, material, zone, load, modulusField, new MeshResolution(nx, ny), time, fenics);
    }

    /** The same case on another time grid. */
    public CaseSpec withTime(int steps, double dt) {
        return new CaseSpec(name, plate, material, zone, load, modulusField, mesh, new TimeGrid(steps, dt), fenics);
    }
}
