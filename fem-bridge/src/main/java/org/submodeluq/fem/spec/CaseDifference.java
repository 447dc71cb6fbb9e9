package org.submodeluq.fem.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A key on which two cases differ, with its value in each, as the case file spells them
 * ({@code time.dt}, 0.02 and 0.04).
 *
 * <p>Two kinds of difference are told apart, because boundary traces made under one case are fed to the
 * submodel of another (a generator trained on one case, a Monte Carlo campaign run on another):
 * <ul>
 *   <li><b>Submodel physics</b> ({@link #firstInSubmodel}): what the zone alone computes with, given its
 *   traces. {@code plate.length} and {@code mesh.nx} fix the spacing of the mesh lines across the zone and
 *   {@code plate.height} and {@code mesh.ny} its height and the nodes on its cut boundaries;
 *   {@code zone.xMin} and {@code zone.xMax} its extent; {@code time.steps} and {@code time.dt} the
 *   instants at which each trace value is imposed (the same values a time step apart are another motion:
 *   halving dt doubles every velocity and acceleration the traces imply); {@code material.*} the zone's
 *   stiffness, mass and stress (Young's modulus is deterministic inside the zone). A difference in any of
 *   these makes traces of the one case wrong input for the other's submodel, even when their shape agrees.
 *   The fields are compared, not the zone mesh they make, so a zone meshed the same way from another
 *   plate length and nx still counts as a difference.</li>
 *   <li><b>Outer model</b> ({@link #firstInOuterModel}): every {@code load.*} key and every
 *   {@code modulusField.*} key. The load acts on the edge x = plate.length, which the zone never holds
 *   (a case requires zone.xMax &lt; plate.length), and the random modulus lives outside the zone, so given
 *   the traces none of them changes what the submodel computes: they shape the distribution of the traces,
 *   which is what a generator stands for. This holds for the load's direction, profile and width as much
 *   as for the distributions of its amplitude, duration and centre: the zone cannot tell them apart.</li>
 * </ul>
 * The case's name and its {@code fenics.*} keys (where the FEniCS full model lives) belong to neither.
 * Numbers are compared exactly, as the YAML text of a case keeps them; the load direction after
 * normalisation, so [-2, 0] and [-1, 0] are the same direction.
 *
 * @param key the dotted case-file key
 * @param here its value in the first case, as the case file writes it
 * @param there its value in the second case
 */
public record CaseDifference(String key, String here, String there) {

    /** One case-file key and how to read it from a case. */
    private record Key(String name, Function<CaseSpec, Object> value) {
        Object of(CaseSpec spec) {
            Object raw = value.apply(spec);
            return raw instanceof double[] vector ? Arrays.stream(vector).boxed().toList() : raw;
        }
    }

    /** What the submodel computes with, in the case file's order. */
    private static final List<Key> SUBMODEL = List.of(
            new Key("plate.length", c -> c.plate().length()),
            new Key("plate.height", c -> c.plate().height()),
            new Key("material.youngsModulus", c -> c.material().youngsModulus()),
            new Key("material.density", c -> c.material().density()),
            new Key("material.poissonRatio", c -> c.material().poissonRatio()),
            new Key("material.hypothesis", c -> c.material().hypothesis()),
            new Key("zone.xMin", c -> c.zone().xMin()),
            new Key("zone.xMax", c -> c.zone().xMax()),
            new Key("mesh.nx", c -> c.mesh().nx()),
            new Key("mesh.ny", c -> c.mesh().ny()),
            new Key("time.steps", c -> c.time().steps()),
            new Key("time.dt", c -> c.time().dt()));

    /** The outer model's inputs, in the case file's order. */
    private static final List<Key> OUTER_MODEL = List.of(
            new Key("load.direction", c -> c.load().direction()),
            new Key("load.profile", c -> c.load().profile()),
            new Key("load.width", c -> c.load().width()),
            new Key("load.amplitude", c -> c.load().amplitude()),
            new Key("load.duration", c -> c.load().duration()),
            new Key("load.centre", c -> c.load().centre()),
            new Key("modulusField.modes", c -> c.modulusField().modes()),
            new Key("modulusField.logStd", c -> c.modulusField().logStd()),
            new Key("modulusField.correlationLengthX", c -> c.modulusField().correlationLengthX()),
            new Key("modulusField.correlationLengthY", c -> c.modulusField().correlationLengthY()));

    /**
     * The first key, in case-file order, on which {@code here} and {@code there} differ in what the
     * submodel computes with; empty when the submodel of one is the submodel of the other.
     */
    public static Optional<CaseDifference> firstInSubmodel(CaseSpec here, CaseSpec there) {
        return first(SUBMODEL, here, there);
    }

    /**
     * The first key, in case-file order, on which {@code here} and {@code there} differ in the outer
     * model's inputs (load, modulus field); empty when they agree.
     */
    public static Optional<CaseDifference> firstInOuterModel(CaseSpec here, CaseSpec there) {
        return first(OUTER_MODEL, here, there);
    }

    private static Optional<CaseDifference> first(List<Key> keys, CaseSpec here, CaseSpec there) {
        for (Key key : keys) {
            Object a = key.of(here);
            Object b = key.of(there);
            if (!Objects.equals(a, b)) {
                return Optional.of(new CaseDifference(key.name(), text(a), text(b)));
            }
        }
        return Optional.empty();
    }

    private static String text(Object value) {
        if (value instanceof CaseKeyword word) {
            return word.text();
        }
        if (value instanceof ScalarDistribution distribution) {
            return distribution.text();
        }
        return String.valueOf(value);
    }

    /** "time.dt = 0.02 here, 0.04 there". */
    @Override
    public String toString() {
        return key + " = " + here + " here, " + there + " there";
    }
}
