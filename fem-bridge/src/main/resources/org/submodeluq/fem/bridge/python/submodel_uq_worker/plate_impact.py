"""The plate-impact case in DOLFINx, discretised exactly as submodel-uq's Java solver.

A plate [0, L] x [0, H], clamped on x = 0, struck on x = L by a half-sine traction pulse, with a
Young's modulus that is constant per cell (the JVM sends it, computed at the cell centroids from the
Karhunen-Loeve field, so both solvers use the very same values). Plane linear elastodynamics:

    M a + K u = f(t),   u = 0 on x = 0,

P1 vector Lagrange on DOLFINx's create_rectangle mesh (diagonal "right"), consistent mass,
Newmark average acceleration (beta = 1/4, gamma = 1/2) with the effective matrix
S = K + M / (beta dt^2) factored once by PETSc LU per run. The traction profile is interpolated in
P1 and integrated exactly over the edge, as the Java side does with the 1D mass matrix. The
quantities of interest are peaks over t_1 .. t_N, computed on the zone's cells:

    peak_centre_displacement  max_t |u(x_c, t)|, x_c the zone's centre
    peak_von_mises            max_t max_cells von Mises stress (plane strain: s_zz = nu (s_xx + s_yy))
    peak_strain_energy        max_t (1/2) int_zone sigma : epsilon

Runs on DOLFINx 0.5 (Debian 12) and on later versions (Debian 13): the few API names that changed
are looked up where they are used.
"""
import json

import dolfinx
import numpy as np
import ufl
from dolfinx import fem, mesh
from dolfinx.fem.petsc import assemble_matrix, assemble_vector
from mpi4py import MPI
from petsc4py import PETSc

BETA, GAMMA = 0.25, 0.5
QOI_NAMES = ["peak_centre_displacement", "peak_von_mises", "peak_strain_energy"]
SOLVER_OPTIONS = {"ksp_type": "preonly", "pc_type": "lu"}


def function_space(msh, family, degree, shape=None):
    """FunctionSpace / VectorFunctionSpace (DOLFINx <= 0.7) or functionspace (later)."""
    if hasattr(fem, "functionspace"):
        return fem.functionspace(msh, (family, degree) if shape is None else (family, degree, shape))
    if shape is None:
        return fem.FunctionSpace(msh, (family, degree))
    return fem.VectorFunctionSpace(msh, (family, degree))


def cell_dofs(space):
    """Cell-to-dof table as an (cells, dofs per cell) array, whatever the DOLFINx version."""
    table = space.dofmap.list
    return np.asarray(table.array if hasattr(table, "array") else table).reshape(-1, space.dofmap.dof_layout.num_dofs)


def canonical_cell_order(centroids, case):
    """Cells sorted by centroid row, then column, on the structured mesh's lattice of thirds.

    Each centroid lies at ((i + 1/3 or 2/3) hx, (j + 1/3 or 2/3) hy), so 3 x / hx and 3 y / hy round
    to distinct integers: the order does not depend on round-off, nor on how a code numbers cells.
    """
    kx = np.rint(3 * centroids[:, 0] * case["mesh"]["nx"] / case["plate"]["length"]).astype(np.int64)
    ky = np.rint(3 * centroids[:, 1] * case["mesh"]["ny"] / case["plate"]["height"]).astype(np.int64)
    return np.lexsort((kx, ky))


def plane_coefficients(nu, hypothesis):
    """(lambda, mu) per unit Young's modulus; plane stress uses 2 lambda mu / (lambda + 2 mu)."""
    mu = 1 / (2 * (1 + nu))
    lmbda = nu / ((1 + nu) * (1 - 2 * nu))
    if hypothesis == "plane-stress":
        lmbda = 2 * lmbda * mu / (lmbda + 2 * mu)
    return lmbda, mu


def lu_solver(matrix):
    """A PETSc direct solver of `matrix` (SOLVER_OPTIONS): LU, factored here once for every solve."""
    solver = PETSc.KSP().create(matrix.getComm())
    solver.setOperators(matrix)
    solver.setType(SOLVER_OPTIONS["ksp_type"])
    solver.getPC().setType(SOLVER_OPTIONS["pc_type"])
    solver.setUp()
    return solver


def newmark(mass, solver, bc, load_shape, magnitude, steps, dt):
    """Newmark average acceleration from rest (u = v = a = 0 at t = 0); yields (n, u_n) after each step.

    `solver` holds S = K + M / (beta dt^2) factored, with `bc` (u = 0) applied; the load is
    f(t) = magnitude(t) load_shape. Each step solves

        S u_{n+1} = f_{n+1} + M (c0 u_n + c1 v_n + c2 a_n),
        a_{n+1} = c0 (u_{n+1} - u_n) - c1 v_n - c2 a_n,   v_{n+1} = v_n + dt ((1 - gamma) a_n + gamma a_{n+1}).

    The worker's full runs and the bench's DOLFINx timing both step through here.
    """
    n = load_shape.getSize()
    c0, c1, c2 = 1 / (BETA * dt * dt), 1 / (BETA * dt), (1 - 2 * BETA) / (2 * BETA)
    u, v, a = np.zeros(n), np.zeros(n), np.zeros(n)
    history, rhs, solution = mass.createVecRight(), mass.createVecRight(), mass.createVecRight()
    for step in range(1, steps + 1):
        t = step * dt
        history.array[:] = c0 * u + c1 * v + c2 * a
        mass.mult(history, rhs)
        rhs.axpy(magnitude(t), load_shape)
        fem.petsc.set_bc(rhs, [bc])
        solver.solve(rhs, solution)
        u_next = solution.array.copy()
        a_next = c0 * (u_next - u) - c1 * v - c2 * a
        v += dt * ((1 - GAMMA) * a + GAMMA * a_next)
        u, a = u_next, a_next
        yield step, u


def profile(offset, width, kind):
    """Traction profile along the edge: cosine bell or uniform patch."""
    half = 0.5 * width
    if kind == "cosine-bell":
        return np.where(np.abs(offset) < half, np.cos(np.pi * offset / width) ** 2, 0.0)
    return np.where(np.abs(offset) <= half, 1.0, 0.0)


class PlateImpactModel:
    """Full model of the plate-impact case (and of any case of its family)."""

    def describe(self, case_json):
        case = json.loads(case_json)["case"]
        self.case = case
        length, height = case["plate"]["length"], case["plate"]["height"]
        nx, ny = case["mesh"]["nx"], case["mesh"]["ny"]
        self.steps, self.dt = case["time"]["steps"], case["time"]["dt"]
        self.mesh = mesh.create_rectangle(MPI.COMM_SELF, [np.array([0.0, 0.0]), np.array([length, height])],
                                          [nx, ny], mesh.CellType.triangle)
        self.V = function_space(self.mesh, "Lagrange", 1, (2,))
        self.Q = function_space(self.mesh, "DG", 0)
        self.scalar = function_space(self.mesh, "Lagrange", 1)
        material = case["material"]
        lmbda, mu = plane_coefficients(material["poissonRatio"], material["hypothesis"])
        self.modulus = fem.Function(self.Q)
        u, v = ufl.TrialFunction(self.V), ufl.TestFunction(self.V)

        def epsilon(w):
            return ufl.sym(ufl.grad(w))

        def sigma(w):
            return self.modulus * (2 * mu * epsilon(w) + lmbda * ufl.tr(epsilon(w)) * ufl.Identity(2))

        c0 = 1 / (BETA * self.dt * self.dt)
        rho = material["density"]
        self.effective_form = fem.form(ufl.inner(sigma(u), epsilon(v)) * ufl.dx + c0 * rho * ufl.inner(u, v) * ufl.dx)
        self.mass = assemble_matrix(fem.form(rho * ufl.inner(u, v) * ufl.dx))
        self.mass.assemble()

        clamped = mesh.locate_entities_boundary(self.mesh, 1, lambda x: np.isclose(x[0], 0.0))
        self.bc = fem.dirichletbc(np.zeros(2, dtype=PETSc.ScalarType),
                                  fem.locate_dofs_topological(self.V, 1, clamped), self.V)
        loaded = mesh.locate_entities_boundary(self.mesh, 1, lambda x: np.isclose(x[0], length))
        tags = mesh.meshtags(self.mesh, 1, np.sort(loaded), np.full(len(loaded), 1, dtype=np.int32))
        ds = ufl.Measure("ds", domain=self.mesh, subdomain_data=tags)
        self.traction_profile = fem.Function(self.scalar)
        direction = np.array(case["load"]["direction"], dtype=float)
        direction /= np.linalg.norm(direction)
        self.traction_form = fem.form(self.traction_profile * ufl.inner(ufl.as_vector(direction), v) * ds(1))

        # geometry of cells and degrees of freedom, for the zone's quantities and the cell data
        self.points = self.V.tabulate_dof_coordinates()[:, :2]
        self.cells = cell_dofs(self.V)
        vertex_x = self.points[self.cells]                       # (cells, 3, 2)
        centroids = vertex_x.mean(axis=1)
        modulus_dofs = cell_dofs(self.Q)[:, 0]
        self.modulus_slot = modulus_dofs[canonical_cell_order(centroids, case)]
        zone = case["zone"]
        in_zone = (centroids[:, 0] > zone["xMin"]) & (centroids[:, 0] < zone["xMax"])
        self.zone_cells = self.cells[in_zone]
        self.zone_gradients, self.zone_area = self._gradients(vertex_x[in_zone])
        self.centre_cell, self.centre_weights = self._locate(vertex_x[in_zone],
                                                             np.array([0.5 * (zone["xMin"] + zone["xMax"]), 0.5 * height]))
        self.modulus_in_zone = material["youngsModulus"]
        self.lmbda, self.mu, self.nu = lmbda, mu, material["poissonRatio"]
        self.plane_strain = material["hypothesis"] == "plane-strain"

        tolerance = 1e-9 * length
        cut = []
        for line in (zone["xMin"], zone["xMax"]):
            on_line = np.flatnonzero(np.abs(self.points[:, 0] - line) <= tolerance)
            cut.extend(on_line[np.argsort(self.points[on_line, 1])])
        self.cut_dofs = np.array(cut)
        return json.dumps({"boundary_nodes": self.points[self.cut_dofs].tolist(),
                           "time": [self.dt * n for n in range(1, self.steps + 1)],
                           "qoi_names": QOI_NAMES,
                           "solver": f"DOLFINx {dolfinx.__version__}, P1, consistent mass, Newmark average "
                                     f"acceleration, PETSc {'.'.join(map(str, PETSc.Sys.getVersion()))} LU"})

    @staticmethod
    def _gradients(vertex_x):
        """Hat-function gradients (cells, 3, 2) and areas of P1 triangles."""
        e1 = vertex_x[:, 1] - vertex_x[:, 0]
        e2 = vertex_x[:, 2] - vertex_x[:, 0]
        twice_area = e1[:, 0] * e2[:, 1] - e1[:, 1] * e2[:, 0]
        grads = np.empty(vertex_x.shape)
        for k in range(3):
            nxt, lst = vertex_x[:, (k + 1) % 3], vertex_x[:, (k + 2) % 3]
            grads[:, k, 0] = (nxt[:, 1] - lst[:, 1]) / twice_area
            grads[:, k, 1] = (lst[:, 0] - nxt[:, 0]) / twice_area
        return grads, 0.5 * np.abs(twice_area)

    @staticmethod
    def _locate(vertex_x, point):
        """A cell holding the point, and the point's barycentric coordinates in it."""
        for c, corners in enumerate(vertex_x):
            matrix = np.column_stack((corners[1] - corners[0], corners[2] - corners[0]))
            s, t = np.linalg.solve(matrix, point - corners[0])
            weights = np.array([1 - s - t, s, t])
            if weights.min() >= -1e-12:
                return c, weights
        raise ValueError(f"the zone centre {point} lies in no zone cell")

    def run(self, sample_json):
        sample = json.loads(sample_json)
        theta = dict(zip(sample["theta"]["names"], sample["theta"]["values"]))
        moduli = np.asarray(sample["cell_moduli"], dtype=float)
        if moduli.size != self.modulus_slot.size:
            raise ValueError(f"{moduli.size} cell moduli for {self.modulus_slot.size} cells")
        self.modulus.x.array[self.modulus_slot] = moduli

        # S = K + M / (beta dt^2) for this modulus, factored once for the whole run
        effective = assemble_matrix(self.effective_form, bcs=[self.bc])
        effective.assemble()
        solver = lu_solver(effective)

        load = self.case["load"]
        y = self.scalar.tabulate_dof_coordinates()[:, 1]
        self.traction_profile.x.array[:] = profile(y - theta["centre"], load["width"], load["profile"])
        shape = assemble_vector(self.traction_form)
        shape.ghostUpdate(addv=PETSc.InsertMode.ADD, mode=PETSc.ScatterMode.REVERSE)
        fem.petsc.set_bc(shape, [self.bc])
        amplitude, duration = theta["amplitude"], theta["duration"]

        def pulse(t):
            return amplitude * np.sin(np.pi * t / duration) if 0 <= t <= duration else 0.0

        traces = np.empty((self.cut_dofs.size, 2, self.steps))
        peaks = np.zeros(3)
        for step, u in newmark(self.mass, solver, self.bc, shape, pulse, self.steps, self.dt):
            displacement = u.reshape(-1, 2)
            traces[:, :, step - 1] = displacement[self.cut_dofs]
            peaks = np.maximum(peaks, self._zone_quantities(displacement))
        solver.destroy()
        effective.destroy()
        peaks[:2] = np.sqrt(peaks[:2])
        return np.concatenate((traces.ravel(), peaks)).astype("<f8").tobytes()

    def _zone_quantities(self, displacement):
        """Squared centre displacement, squared peak von Mises stress and strain energy of the zone."""
        centre = self.centre_weights @ displacement[self.zone_cells[self.centre_cell]]
        nodal = displacement[self.zone_cells]                    # (cells, 3, 2)
        grads = self.zone_gradients
        exx = np.einsum("ck,ck->c", grads[:, :, 0], nodal[:, :, 0])
        eyy = np.einsum("ck,ck->c", grads[:, :, 1], nodal[:, :, 1])
        gxy = np.einsum("ck,ck->c", grads[:, :, 1], nodal[:, :, 0]) + np.einsum("ck,ck->c", grads[:, :, 0], nodal[:, :, 1])
        e = self.modulus_in_zone
        sxx = e * ((self.lmbda + 2 * self.mu) * exx + self.lmbda * eyy)
        syy = e * (self.lmbda * exx + (self.lmbda + 2 * self.mu) * eyy)
        sxy = e * self.mu * gxy
        szz = self.nu * (sxx + syy) if self.plane_strain else 0 * sxx
        von_mises_squared = 0.5 * ((sxx - syy) ** 2 + (syy - szz) ** 2 + (szz - sxx) ** 2) + 3 * sxy ** 2
        energy = 0.5 * np.sum(self.zone_area * (sxx * exx + syy * eyy + sxy * gxy))
        return np.array([centre @ centre, von_mises_squared.max(), energy])
