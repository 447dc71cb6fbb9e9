import numpy as np, h5py, subprocess, os, time
DT = 0.02; NS = 200; NN = 42
CP = "/work/main/cases/target/submodel-uq.jar:/work/main/cases/target/lib/*"
P = "/tmp/proto"
NAMES = ["peak_centre_displacement", "peak_von_mises", "peak_strain_energy"]
SHORT = ["disp", "vm", "energy"]

def load(path):
    with h5py.File(path) as f:
        return f["inputs"][()], f["traces"][()], f["qoi"][()]

def pulse(d, n=NS):
    t = DT * np.arange(1, n + 1)
    return np.where(t <= d, np.sin(np.pi * t / d), 0.0)

def conv_causal(g, f):
    """g (..., n), f (n,) -> causal conv truncated to n via FFT."""
    n = g.shape[-1]; L = 2 * n
    return np.fft.irfft(np.fft.rfft(g, L) * np.fft.rfft(f, L), L)[..., :n]

def replay(traces, tag, threads=2):
    """traces (N,42,2,200) -> QoI (N,3) through the Java submodel."""
    fn = f"{P}/tmp_{tag}.h5"; out = f"{P}/tmp_{tag}_q.txt"
    with h5py.File(fn, "w") as f:
        f.create_dataset("traces", data=np.ascontiguousarray(traces, dtype=np.float64))
    t0 = time.time()
    subprocess.run(["nice", "java", "-Xmx6g", "-cp", CP, f"{P}/Replay.java", fn, "/traces", out, str(threads)],
                   check=True, stderr=subprocess.DEVNULL)
    q = np.loadtxt(out).reshape(-1, 3)
    os.remove(fn)
    return q

def sample_theta(n, seed):
    r = np.random.default_rng(seed)
    a = np.exp(0.25 * r.standard_normal(n))
    d = r.uniform(0.25, 0.75, n); c = r.uniform(0.15, 0.35, n)
    xi = r.standard_normal((n, 8))
    return np.column_stack([a, d, c, xi])

def point_metrics(qp, qr):
    """per QoI: rel RMS error, corr, mean bias %"""
    out = []
    for k in range(3):
        e = qp[:, k] - qr[:, k]
        out.append((np.sqrt(np.mean(e**2)) / np.sqrt(np.mean(qr[:, k]**2)),
                    np.corrcoef(qp[:, k], qr[:, k])[0, 1], 100 * e.mean() / qr[:, k].mean()))
    return out

def dist_metrics(qg, qr):
    from scipy.stats import wasserstein_distance, ks_2samp
    out = []
    for k in range(3):
        a, b = qg[:, k], qr[:, k]
        m = b.mean(); s = b.std()
        out.append(dict(mean=(a.mean() - m) / m, std=a.std() / s - 1,
                        q5=np.quantile(a, .05) / np.quantile(b, .05) - 1, q95=np.quantile(a, .95) / np.quantile(b, .95) - 1,
                        w1=wasserstein_distance(a, b) / s, ks=ks_2samp(a, b).statistic, ksp=ks_2samp(a, b).pvalue))
    return out

def fmt_point(name, m):
    return f"| {name} | " + " | ".join(f"{r:.4f} / {c:.4f} / {b:+.2f}%" for r, c, b in m) + " |"
