"""Renders the fields that `solve --fields` or `replay --fields` wrote, with meshio and matplotlib.

Draws the von Mises stress at the step where it peaks in the zone, over Young's modulus, each per
triangle, the zone outlined. docs/fields.png in the README was made by:

    ./submodel-uq solve --seed 7 --out target/run.h5 --fields target/fields
    /usr/bin/python3 docs/render-fields.py target/fields docs/fields.png

Needs Debian's python3-meshio (which brings h5py and NumPy), python3-matplotlib and python3-yaml.
"""
import sys

import h5py
import matplotlib
import meshio
import numpy as np
import yaml

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after the headless backend is chosen)
from matplotlib.tri import Triangulation  # noqa: E402

directory, picture = sys.argv[1], sys.argv[2]

# The case the fields are of: its zone, to outline it and to find the step of the peak stress.
with h5py.File(f"{directory}/fields.h5", "r") as f:
    case = yaml.safe_load(f.attrs["case_yaml"].decode())
    seed, sample = int(f.attrs["seed"]), int(f.attrs["sample_index"])
x_min, x_max = case["zone"]["xMin"], case["zone"]["xMax"]

with meshio.xdmf.TimeSeriesReader(f"{directory}/fields.xdmf") as reader:
    points, cells = reader.read_points_cells()
    steps = [reader.read_data(k) for k in range(reader.num_steps)]
triangles = cells[0].data
mesh = Triangulation(points[:, 0], points[:, 1], triangles)
centres = points[triangles].mean(axis=1)
in_zone = (centres[:, 0] > x_min) & (centres[:, 0] < x_max)
von_mises = np.stack([cell_data["von_mises"][0] for _, _, cell_data in steps])   # (steps, cells)
peak = int(np.argmax(von_mises[:, in_zone].max(axis=1)))
time, _, cell_data = steps[peak]
print(f"step {peak + 1} of {len(steps)}, t = {time:g}: largest von Mises stress in the zone "
      f"{von_mises[peak, in_zone].max():.6g}")

figure, (top, bottom) = plt.subplots(2, 1, figsize=(9, 5.2), constrained_layout=True)
for axes, values, title, colours in (
        (top, cell_data["von_mises"][0], f"von Mises stress at t = {time:g}, when it peaks in the zone", "inferno"),
        (bottom, cell_data["youngs_modulus"][0], "Young's modulus (E0 = 1 in the zone, random outside)", "viridis")):
    shading = axes.tripcolor(mesh, facecolors=values, cmap=colours, antialiased=False)
    for x in (x_min, x_max):
        axes.axvline(x, color="white", linestyle="--", linewidth=1)
    axes.set_aspect("equal")
    axes.set_title(title, fontsize=10)
    axes.set_xlabel("x")
    axes.set_ylabel("y")
    figure.colorbar(shading, ax=axes, shrink=0.8)
figure.suptitle(f"case {case['name']}, seed {seed}, sample {sample}: solve --fields, read by meshio", fontsize=11)
figure.savefig(picture, dpi=110)
