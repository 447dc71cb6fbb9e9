"""Mean maps theta -> traces. Each maker returns fit(X, Y) -> predict(X) -> Y, with Y flat (N, 16800)."""
import numpy as np
from scipy.linalg import solve_triangular, toeplitz
from common import pulse, conv_causal, NS

LO = np.array([0.25, 0.15]); HI = np.array([0.75, 0.35])

def scale_inputs(X, cols):
    """fixed, distribution-based scaling: amplitude -> log(a)/0.25, d, c -> [-1,1], xi as is"""
    Z = []
    for j in cols:
        if j == 0: Z.append(np.log(X[:, 0]) / 0.25)
        elif j in (1, 2): Z.append(2 * (X[:, j] - LO[j - 1]) / (HI[j - 1] - LO[j - 1]) - 1)
        else: Z.append(X[:, j])
    return np.column_stack(Z)

def features(Z, degree):
    F = [Z]
    if degree >= 2:
        n = Z.shape[1]
        F.append(np.column_stack([Z[:, i] * Z[:, j] for i in range(n) for j in range(i, n)]))
    if degree >= 3:
        n = Z.shape[1]
        F.append(np.column_stack([Z[:, i] * Z[:, j] * Z[:, k] for i in range(n) for j in range(i, n) for k in range(j, n)]))
    return np.hstack(F)

def ridge_fit(F, Y, alpha):
    mf, my = F.mean(0), Y.mean(0)
    Fc = F - mf
    U, s, Vt = np.linalg.svd(Fc, full_matrices=False)
    B = Vt.T @ ((s / (s**2 + alpha))[:, None] * (U.T @ (Y - my)))
    return lambda G: my + (G - mf) @ B

def ridge_cv_alpha(F, Y, alphas, folds):
    err = []
    for al in alphas:
        e = 0
        for tr, te in folds:
            e += np.sum((ridge_fit(F[tr], Y[tr], al)(F[te]) - Y[te])**2)
        err.append(e)
    return alphas[int(np.argmin(err))], np.array(err) / np.sum((Y - Y.mean(0))**2)

def kfolds(n, k=5, seed=0):
    p = np.random.default_rng(seed).permutation(n)
    parts = np.array_split(p, k)
    return [(np.setdiff1d(p, parts[i]), np.sort(parts[i])) for i in range(k)]

ALPHAS = np.logspace(-6, 3, 19)

# ---------- target transforms: what gets regressed, and how to map back ----------
def tf_raw(X, Y): return Y
def inv_raw(X, T): return T
def tf_amp(X, Y): return Y / X[:, :1]
def inv_amp(X, T): return T * X[:, :1]

def deconv_rows(Y, d):
    """unit-amplitude traces (N,16800) with durations d -> impulse responses g (exact triangular solve)"""
    G = np.empty_like(Y)
    for i in range(Y.shape[0]):
        Tm = np.tril(toeplitz(pulse(d[i])))
        G[i] = solve_triangular(Tm, Y[i].reshape(84, NS).T, lower=True).T.reshape(-1)
    return G

def make_tf_lti(dref):
    """(d): regress z = conv(g, f_dref) (dref=None: g itself) on (c, xi); map back by deconv/conv with f_d."""
    def tf(X, Y):
        G = deconv_rows(Y / X[:, :1], X[:, 1])
        if dref is None: return G
        return conv_causal(G.reshape(-1, 84, NS), pulse(dref)).reshape(len(X), -1)
    def inv(X, T):
        if dref is None: G = T
        else:
            Tm = np.tril(toeplitz(pulse(dref)))
            G = solve_triangular(Tm, T.reshape(-1, NS).T, lower=True).T.reshape(T.shape)
        out = np.empty_like(G)
        # convolve with each sample's pulse
        L = 2 * NS
        Gf = np.fft.rfft(G.reshape(len(X), 84, NS), L)
        for i in range(len(X)):
            out[i] = np.fft.irfft(Gf[i] * np.fft.rfft(pulse(X[i, 1]), L), L)[:, :NS].reshape(-1)
        return out * X[:, :1]
    return tf, inv

# ---------- regressors on the transformed target ----------
def ridge_maker(cols, degree, folds_seed=0):
    def fit(X, T):
        F = features(scale_inputs(X, cols), degree)
        al, _ = ridge_cv_alpha(F, T, ALPHAS, kfolds(len(X), 5, folds_seed))
        f = ridge_fit(F, T, al)
        pred = lambda Xn: f(features(scale_inputs(Xn, cols), degree))
        pred.info = f"alpha={al:.3g}"
        return pred
    return fit

def pca(T, K):
    m = T.mean(0)
    U, s, Vt = np.linalg.svd(T - m, full_matrices=False)
    return m, Vt[:K], (T - m) @ Vt[:K].T, s

def gp_maker(cols, K, mean_degree=1, restarts=1):
    """GP (ARD RBF + white) on each of K PCA coefficients, on top of a ridge mean of degree mean_degree
    (fitted on all components); residual components beyond K come from the ridge mean only."""
    from sklearn.gaussian_process import GaussianProcessRegressor
    from sklearn.gaussian_process.kernels import RBF, WhiteKernel, ConstantKernel as C
    def fit(X, T):
        Z = scale_inputs(X, cols)
        rfit = ridge_maker(cols, mean_degree)(X, T) if mean_degree > 0 else (lambda Xn: np.tile(T.mean(0), (len(Xn), 1)))
        R = T - rfit(X)
        m, V, A, s = pca(R, K)
        gps = []
        for k in range(K):
            kern = C(1.0, (1e-3, 1e3)) * RBF(np.full(Z.shape[1], 2.0), (1e-1, 1e3)) + WhiteKernel(1e-3, (1e-8, 1e0))
            gp = GaussianProcessRegressor(kern, normalize_y=True, n_restarts_optimizer=restarts, random_state=k)
            gp.fit(Z, A[:, k]); gps.append(gp)
        def pred(Xn):
            Zn = scale_inputs(Xn, cols)
            An = np.column_stack([g.predict(Zn) for g in gps])
            return rfit(Xn) + m + An @ V
        pred.info = "; ".join(str(g.kernel_) for g in gps[:2])
        return pred
    return fit

def gp_shared_maker(cols, K, K2, mean_degree=1):
    """per-component GP (ARD RBF + white) on the first K PCA coefficients of the residual of a ridge mean,
    plus ONE multi-output GP with a shared ARD kernel on components K..K2-1."""
    from sklearn.gaussian_process import GaussianProcessRegressor
    from sklearn.gaussian_process.kernels import RBF, WhiteKernel, ConstantKernel as C
    def kern(n): return C(1.0, (1e-3, 1e3)) * RBF(np.full(n, 2.0), (1e-1, 1e3)) + WhiteKernel(1e-3, (1e-10, 1e0))
    def fit(X, T):
        Z = scale_inputs(X, cols)
        rfit = ridge_maker(cols, mean_degree)(X, T)
        m, V, A, s = pca(T - rfit(X), K2)
        gps = [GaussianProcessRegressor(kern(Z.shape[1]), normalize_y=True, random_state=k).fit(Z, A[:, k]) for k in range(K)]
        sh = GaussianProcessRegressor(kern(Z.shape[1]), normalize_y=True).fit(Z, A[:, K:K2])
        def pred(Xn):
            Zn = scale_inputs(Xn, cols)
            An = np.column_stack([g.predict(Zn) for g in gps] + [sh.predict(Zn).reshape(len(Zn), -1)])
            return rfit(Xn) + m + An @ V
        pred.info = f"K={K}+shared to {K2}: comp0 {gps[0].kernel_}; shared {sh.kernel_}"
        return pred
    return fit

def method(tf, inv, reg):
    def fit(X, Y):
        p = reg(X, tf(X, Y))
        f = lambda Xn: inv(Xn, p(Xn))
        f.info = getattr(p, "info", "")
        return f
    return fit

ALL = ["amp", "dur", "cen"] + [f"xi{k}" for k in range(1, 9)]
lti_tf, lti_inv = make_tf_lti(None)
lti5_tf, lti5_inv = make_tf_lti(0.5)
METHODS = {
    "a-lin":   method(tf_raw, inv_raw, ridge_maker(range(11), 1)),
    "a-quad":  method(tf_raw, inv_raw, ridge_maker(range(11), 2)),
    "b-lin":   method(tf_amp, inv_amp, ridge_maker(range(1, 11), 1)),
    "b-quad":  method(tf_amp, inv_amp, ridge_maker(range(1, 11), 2)),
    "b-cub":   method(tf_amp, inv_amp, ridge_maker(range(1, 11), 3)),
    "c-gp":    method(tf_amp, inv_amp, gp_maker(range(1, 11), 20, 1, 0)),
    "d-lin":   method(lti_tf, lti_inv, ridge_maker(range(2, 11), 1)),
    "d-quad":  method(lti_tf, lti_inv, ridge_maker(range(2, 11), 2)),
    "d-cub":   method(lti_tf, lti_inv, ridge_maker(range(2, 11), 3)),
    "d5-quad": method(lti5_tf, lti5_inv, ridge_maker(range(2, 11), 2)),
    "d-gp":    method(lti5_tf, lti5_inv, gp_maker(range(2, 11), 20, 1, 0)),
    "d-gpS":   method(lti5_tf, lti5_inv, gp_shared_maker(range(2, 11), 20, 150)),
    "c-gpS":   method(tf_amp, inv_amp, gp_shared_maker(range(1, 11), 20, 150)),
    "d-gp40":  method(lti5_tf, lti5_inv, gp_maker(range(2, 11), 40, 1, 0)),
    "d-gp40q": method(lti5_tf, lti5_inv, gp_maker(range(2, 11), 40, 2, 0)),
}
