package gfpose.sampling;

import gfpose.sde.ScoreFunction;
import gfpose.sde.Sde;

/** A Gaussian N(μ, Σ) in a few dimensions: exact diffused scores, conditioning and sample statistics. */
public final class Gaussian {
    final double[] mu;
    final double[][] sigma;
    final int d;

    public Gaussian(double[] mu, double[][] sigma) {
        this.mu = mu;
        this.sigma = sigma;
        this.d = mu.length;
    }

    /** A fixed non-diagonal example in 4 or 5 dimensions, Σ = L Lᵀ. */
    public static Gaussian example(int d) {
        double[][] l = {{1.0, 0, 0, 0, 0}, {0.5, 0.8, 0, 0, 0}, {-0.3, 0.4, 0.6, 0, 0}, {0.2, -0.5, 0.3, 0.7, 0},
                {0.6, 0.1, -0.4, 0.2, 0.5}};
        double[] m = {1.0, -2.0, 0.5, 3.0, -1.0};
        double[][] s = new double[d][d];
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) for (int k = 0; k < d; k++) s[i][j] += l[i][k] * l[j][k];
        return new Gaussian(java.util.Arrays.copyOf(m, d), s);
    }

    /**
     * The exact score of the diffused marginal N(m(t)μ, m(t)²Σ + std(t)²I):
     * ∇log p_t(x) = −(m²Σ + std²I)⁻¹ (x − mμ). (For VE m = 1 and std = σ(t).)
     */
    public ScoreFunction score(Sde sde) {
        return (x, rows, t, out) -> {
            double m = sde.meanCoeff(t), s = sde.std(t);
            double[][] inv = inverse(covAt(m, s));
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < d; i++) {
                    double acc = 0;
                    for (int j = 0; j < d; j++) acc += inv[i][j] * (x[r * d + j] - m * mu[j]);
                    out[r * d + i] = (float) -acc;
                }
            }
        };
    }

    double[][] covAt(double m, double s) {
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) c[i][j] = m * m * sigma[i][j];
            c[i][i] += s * s;
        }
        return c;
    }

    /** N(μ_m + Σ_mo Σ_oo⁻¹(c − μ_o), Σ_mm − Σ_mo Σ_oo⁻¹ Σ_om) over the dims not in {@code obs}. */
    public Gaussian conditional(int[] obs, int[] mis, double[] c) {
        double[][] soo = sub(obs, obs), smo = sub(mis, obs), smm = sub(mis, mis);
        double[][] k = mul(smo, inverse(soo));
        double[] m = new double[mis.length];
        for (int i = 0; i < mis.length; i++) {
            m[i] = mu[mis[i]];
            for (int j = 0; j < obs.length; j++) m[i] += k[i][j] * (c[j] - mu[obs[j]]);
        }
        double[][] s = new double[mis.length][mis.length];
        for (int i = 0; i < mis.length; i++) for (int j = 0; j < mis.length; j++) {
            s[i][j] = smm[i][j];
            for (int q = 0; q < obs.length; q++) s[i][j] -= k[i][q] * smo[j][q];
        }
        return new Gaussian(m, s);
    }

    double[][] sub(int[] a, int[] b) {
        double[][] r = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < b.length; j++) r[i][j] = sigma[a[i]][b[j]];
        return r;
    }

    static double[][] mul(double[][] a, double[][] b) {
        double[][] r = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < b[0].length; j++) for (int k = 0; k < b.length; k++) r[i][j] += a[i][k] * b[k][j];
        return r;
    }

    /** Gauss–Jordan with partial pivoting (small SPD matrices). */
    static double[][] inverse(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) { System.arraycopy(a[i], 0, m[i], 0, n); m[i][n + i] = 1; }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
            double[] tmp = m[c]; m[c] = m[p]; m[p] = tmp;
            double piv = m[c][c];
            for (int j = 0; j < 2 * n; j++) m[c][j] /= piv;
            for (int r = 0; r < n; r++) {
                if (r == c) continue;
                double f = m[r][c];
                for (int j = 0; j < 2 * n; j++) m[r][j] -= f * m[c][j];
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) System.arraycopy(m[i], n, inv[i], 0, n);
        return inv;
    }

    /**
     * Null when the sample mean and covariance of {@code dims} (columns of rows of width {@code stride}) agree
     * with this Gaussian within k standard errors plus {@code slack}·√(Σ_ii Σ_jj) (discretisation allowance);
     * else a description of the worst entry.
     */
    public String mismatch(float[] xs, int n, int stride, int[] dims, double k, double slack) {
        double[] mean = new double[d];
        for (int r = 0; r < n; r++) for (int i = 0; i < d; i++) mean[i] += xs[r * stride + dims[i]];
        for (int i = 0; i < d; i++) mean[i] /= n;
        for (int i = 0; i < d; i++) {
            double tol = k * Math.sqrt(sigma[i][i] / n) + slack * Math.sqrt(sigma[i][i]);
            if (!(Math.abs(mean[i] - mu[i]) <= tol)) return "mean[" + i + "] " + mean[i] + " vs " + mu[i] + " (tol " + tol + ")";
        }
        for (int i = 0; i < d; i++) for (int j = 0; j <= i; j++) {
            double c = 0;
            for (int r = 0; r < n; r++) c += (xs[r * stride + dims[i]] - mean[i]) * (xs[r * stride + dims[j]] - mean[j]);
            c /= n - 1;
            double scale = Math.sqrt(sigma[i][i] * sigma[j][j]);
            double tol = k * Math.sqrt((sigma[i][i] * sigma[j][j] + sigma[i][j] * sigma[i][j]) / n) + slack * scale;
            if (!(Math.abs(c - sigma[i][j]) <= tol)) return "cov[" + i + "][" + j + "] " + c + " vs " + sigma[i][j] + " (tol " + tol + ")";
        }
        return null;
    }

    public static int[] range(int d) {
        int[] r = new int[d];
        for (int i = 0; i < d; i++) r[i] = i;
        return r;
    }
}
