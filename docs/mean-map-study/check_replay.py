import numpy as np
from common import *
X, Y, Q = load(f"{P}/test.h5")
t0 = time.time(); q = replay(Y, "check"); print("replay 2000 in %.1fs" % (time.time() - t0))
print("max rel err per QoI:", np.abs(q / Q - 1).max(0))
