"""Mean-map experiment: python3 exp_mean.py METHOD [METHOD...]; appends to results_mean.txt, saves cross-fitted predictions."""
import sys, time, numpy as np
from common import *
from maps import METHODS, kfolds
Xtr, Ytr4, Qtr = load(f"{P}/train.h5"); Xte, Yte4, Qte = load(f"{P}/test.h5")
Ytr = Ytr4.reshape(len(Xtr), -1); Yte = Yte4.reshape(len(Xte), -1)
for name in sys.argv[1:]:
    mk = METHODS[name]
    t0 = time.time(); pred = mk(Xtr, Ytr); tfit = time.time() - t0
    t0 = time.time(); Pte = pred(Xte); tpred = (time.time() - t0) / len(Xte)
    trel_te = np.sqrt(np.sum((Pte - Yte)**2) / np.sum(Yte**2))
    Qp = replay(Pte.reshape(-1, NN, 2, NS), name)
    del Pte
    # cross-fitted on the training pool
    Pcv = np.empty_like(Ytr)
    for tr, te in kfolds(len(Xtr), 5, 123):
        Pcv[te] = mk(Xtr[tr], Ytr[tr])(Xtr[te])
    np.save(f"{P}/cv_{name}.npy", Pcv)
    trel_cv = np.sqrt(np.sum((Pcv - Ytr)**2) / np.sum(Ytr**2))
    Qcv = replay(Pcv.reshape(-1, NN, 2, NS), name + "cv")
    np.save(f"{P}/qte_{name}.npy", Qp); np.save(f"{P}/qcv_{name}.npy", Qcv)
    with open(f"{P}/results_mean.txt", "a") as f:
        line = (f"{name}: fit {tfit:.1f}s, predict {1e3*tpred:.2f} ms/sample, {pred.info}; trace relRMS test {trel_te:.4f} cv {trel_cv:.4f}\n"
                + fmt_point(name + " test(2000)", point_metrics(Qp, Qte)) + "\n"
                + fmt_point(name + " cv5(300)", point_metrics(Qcv, Qtr)) + "\n")
        f.write(line); print(line, flush=True)
