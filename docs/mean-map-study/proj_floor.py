"""Projection floor of the d-gp representation: true test traces -> z0.5 space -> (linear ridge mean + projection of
the rest onto K PCA components of the training residuals) -> traces -> QoI. Shows what K alone costs."""
import numpy as np
from common import *
from maps import lti5_tf, lti5_inv, ridge_maker, pca
Xtr, Ytr, Qtr = load(f"{P}/train.h5"); Xte, Yte, Qte = load(f"{P}/test.h5")
Xte, Yte, Qte = Xte[:500], Yte[:500].reshape(500, -1), Qte[:500]
Ttr = lti5_tf(Xtr, Ytr.reshape(300, -1)); Tte = lti5_tf(Xte, Yte)
r = ridge_maker(range(2, 11), 1)(Xtr, Ttr)
m, V, A, s = pca(Ttr - r(Xtr), 299)
Rte = Tte - r(Xte) - m
for K in (20, 40, 80, 150, 299):
    Tp = r(Xte) + m + (Rte @ V[:K].T) @ V[:K]
    Yp = lti5_inv(Xte, Tp)
    q = replay(Yp.reshape(-1, NN, 2, NS), "proj")
    trel = np.sqrt(np.sum((Yp - Yte)**2) / np.sum(Yte**2))
    line = f"proj K={K} trace relRMS {trel:.4f} " + fmt_point("", point_metrics(q, Qte))
    print(line, flush=True); open(f"{P}/results_proj.txt", "a").write(line + "\n")
