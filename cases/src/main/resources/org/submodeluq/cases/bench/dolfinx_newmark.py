"""Timing reference: the plate of plate-impact in DOLFINx, stepped like the Java solver.

Same discretisation as submodel-uq's Java solver: DOLFINx's create_rectangle mesh (right
diagonal), P1 vector Lagrange, plane strain, consistent mass, Newmark average acceleration,
clamped on x = 0, a half-sine traction on x = length, PETSc LU factored once and reused at
every step. The time loop and the LU solver are the FEniCS worker's own
(submodel_uq_worker.plate_impact), so the worker package must be on PYTHONPATH. Young's
modulus is uniform here: the field changes the matrix's values, not the cost. Prints one line
per mesh:

    mesh NXxNY dofs N setup SECONDS loop_min SECONDS loop_median SECONDS steps N

where setup is the median over the repeats.

Usage: python3 dolfinx_newmark.py STEPS DT REPEATS NXxNY [NXxNY ...]
"""
import sys
import time

import numpy as np
import ufl
from dolfinx import fem, mesh
from dolfinx.fem.petsc import assemble_matrix, assemble_vector
from mpi4py import MPI
from petsc4py import PETSc

from submodel_uq_worker.plate_impact import BETA, function_space, lu_solver, newmark

LENGTH, HEIGHT = 2.0, 0.5
E, NU, RHO = 1.0, 0.3, 1.0


def pulse(t):
    """Half-sine of unit amplitude over t in [0, 0.5]."""
    return np.sin(np.pi * t / 0.5) if t <= 0.5 else 0.0


def run(nx, ny, steps, dt):
    start = time.perf_counter()
    msh = mesh.create_rectangle(MPI.COMM_WORLD, [np.array([0.0, 0.0]), np.array([LENGTH, HEIGHT])], [nx, ny],
                                mesh.CellType.triangle)
    V = function_space(msh, "Lagrange", 1, (2,))
    u, v = ufl.TrialFunction(V), ufl.TestFunction(V)
    mu = E / (2 * (1 + NU))
    lmbda = E * NU / ((1 + NU) * (1 - 2 * NU))

    def epsilon(w):
        return ufl.sym(ufl.grad(w))

    def sigma(w):
        return 2 * mu * epsilon(w) + lmbda * ufl.tr(epsilon(w)) * ufl.Identity(2)

    c0 = 1 / (BETA * dt * dt)
    stiffness_form = fem.form(ufl.inner(sigma(u), epsilon(v)) * ufl.dx + c0 * RHO * ufl.inner(u, v) * ufl.dx)
    mass_form = fem.form(RHO * ufl.inner(u, v) * ufl.dx)
    clamped = mesh.locate_entities_boundary(msh, 1, lambda x: np.isclose(x[0], 0.0))
    bc = fem.dirichletbc(np.zeros(2, dtype=PETSc.ScalarType), fem.locate_dofs_topological(V, 1, clamped), V)
    S = assemble_matrix(stiffness_form, bcs=[bc])
    S.assemble()
    M = assemble_matrix(mass_form)
    M.assemble()
    solver = lu_solver(S)
    loaded = mesh.locate_entities_boundary(msh, 1, lambda x: np.isclose(x[0], LENGTH))
    tags = mesh.meshtags(msh, 1, np.sort(loaded), np.full(len(loaded), 1, dtype=np.int32))
    ds = ufl.Measure("ds", domain=msh, subdomain_data=tags)
    traction = fem.form(ufl.inner(ufl.as_vector((-1.0, 0.0)), v) * ds(1))
    shape = assemble_vector(traction)
    fem.petsc.set_bc(shape, [bc])
    setup = time.perf_counter() - start

    start = time.perf_counter()
    for _ in newmark(M, solver, bc, shape, pulse, steps, dt):
        pass
    return shape.getSize(), setup, time.perf_counter() - start


def main():
    steps, dt, repeats = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
    for size in sys.argv[4:]:
        nx, ny = (int(k) for k in size.split("x"))
        run(nx, ny, 2, dt)  # JIT-compiles the forms and warms the caches
        timings = [run(nx, ny, steps, dt) for _ in range(repeats)]
        setup = float(np.median([t[1] for t in timings]))
        loops = [t[2] for t in timings]
        print(f"mesh {nx}x{ny} dofs {timings[0][0]} setup {setup:.6f} loop_min {min(loops):.6f} "
              f"loop_median {float(np.median(loops)):.6f} steps {steps}", flush=True)


if __name__ == "__main__":
    main()
