"""Residual experiment: python3 exp_resid.py METHOD [K|energy] ; mean map (fitted on all 300) + PCA-Gaussian residual
fitted on the cross-fitted residuals cv_METHOD.npy; judged on 4000 fresh theta against the 2000 test runs."""
import sys, numpy as np
from common import *
from maps import METHODS
name = sys.argv[1]; seed = 7; n = 4000
Xtr, Ytr4, Qtr = load(f"{P}/train.h5"); Xte, _, Qte = load(f"{P}/test.h5")
Ytr = Ytr4.reshape(len(Xtr), -1); del Ytr4
Pcv = np.load(f"{P}/cv_{name}.npy")
t0 = time.time(); pred = METHODS[name](Xtr, Ytr); tfit = time.time() - t0
Xn = sample_theta(n, seed)
t0 = time.time(); M = pred(Xn); tpred = (time.time() - t0) / n
rng = np.random.default_rng(seed + 1)
lines = []
def floor():
    p = np.random.default_rng(99).permutation(len(Qte))
    return dist_metrics(Qte[p[:1000]], Qte[p[1000:]])
def row(label, dm):
    return f"| {label} | " + " | ".join(f"{m['mean']*100:+.2f} / {m['std']*100:+.1f} / {m['q5']*100:+.1f} / {m['q95']*100:+.1f} / {m['w1']:.3f} / {m['ks']:.3f}" for m in dm) + " |"
lines.append(row("noise floor (1000 vs 1000)", floor()))
Qm = replay(M.reshape(-1, NN, 2, NS), name + "mean")
lines.append(row(f"{name} mean only", dist_metrics(Qm, Qte)))
for scaled in (False, True):
    R = Ytr - Pcv
    if scaled: R = R / Xtr[:, :1]
    mu = R.mean(0); U, s, Vt = np.linalg.svd(R - mu, full_matrices=False)
    e = np.cumsum(s**2) / np.sum(s**2)
    for K in (30, int(np.searchsorted(e, 0.999) + 1), len(s) - 1):
        sd = s[:K] / np.sqrt(len(R) - 1)
        D = mu + (rng.standard_normal((n, K)) * sd) @ Vt[:K]
        if scaled: D = D * Xn[:, :1]
        Qg = replay((M + D).reshape(-1, NN, 2, NS), name + "gen")
        lines.append(row(f"{name} + resid PCA-Gauss K={K}{' x amplitude' if scaled else ''}", dist_metrics(Qg, Qte)))
        print(lines[-1], flush=True)
with open(f"{P}/results_resid.txt", "a") as f:
    f.write(f"## {name}: n_fresh={n} seed={seed}; fit {tfit:.1f}s, mean map {1e3*tpred:.2f} ms/sample\n"
            "| row | per QoI: mean% / std% / q5% / q95% / W1/std / KS |\n" + "\n".join(lines) + "\n\n")
print("\n".join(lines))
