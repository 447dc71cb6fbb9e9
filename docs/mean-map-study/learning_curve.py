"""Learning curve: fit on the first n of test.h5's 2000 runs, evaluate on the 300 train.h5 runs (traces + QoI)."""
import sys, numpy as np
from common import *
from maps import METHODS
Xa, Ya, Qa = load(f"{P}/test.h5"); Xb, Yb, Qb = load(f"{P}/train.h5")
Ya = Ya.reshape(len(Xa), -1); Yb = Yb.reshape(len(Xb), -1)
for name in sys.argv[1].split(","):
    for n in [int(v) for v in sys.argv[2].split(",")]:
        t0 = time.time(); pr = METHODS[name](Xa[:n], Ya[:n]); P_ = pr(Xb); t = time.time() - t0
        trel = np.sqrt(np.sum((P_ - Yb)**2) / np.sum(Yb**2))
        q = replay(P_.reshape(-1, NN, 2, NS), "lc")
        line = f"{name} n={n} ({t:.0f}s, {pr.info}) trace relRMS {trel:.4f} " + fmt_point("", point_metrics(q, Qb))
        print(line, flush=True); open(f"{P}/results_lc.txt", "a").write(line + "\n")
