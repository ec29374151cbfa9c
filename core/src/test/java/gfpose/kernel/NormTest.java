package gfpose.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Group normalisation on whole rows (vectorized when the Vector API is on) against the scalar per-group kernel. */
class NormTest {
    private static final double EPS = 1e-5;

    /** Group sizes 16 and 32 (the network's), 4, 6 and 5 (tails after the four partial sums), 3 (tail only), 1. */
    private static final int[][] SHAPES = {{512, 32}, {1024, 32}, {64, 16}, {30, 5}, {40, 8}, {27, 9}, {7, 7}};

    private static float[] random(Random rnd, int n, double scale, double shift) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (rnd.nextGaussian() * scale + shift);
        return v;
    }

    @Test
    void rowsMatchTheScalarGroupsBitForBit() {
        Random rnd = new Random(5);
        for (int[] shape : SHAPES) {
            int ch = shape[0], groups = shape[1], size = ch / groups, rows = 3, xOff = 5, yOff = 2, rOff = 1;
            float[] x = random(rnd, xOff + rows * ch, 3, 1.5), gamma = random(rnd, ch, 0.2, 1), beta = random(rnd, ch, 0.1, 0);
            x[xOff] = 1e-30f; // a tiny and a large value in one group
            x[xOff + ch - 1] = 3e4f;
            float[] y = new float[yOff + rows * ch], xhat = new float[y.length], rstd = new float[rOff + rows * groups];
            float[] wantY = y.clone(), wantXhat = y.clone(), wantRstd = rstd.clone();
            for (int r = 0; r < rows; r++) {
                for (int g = 0; g < groups; g++) {
                    int c0 = g * size;
                    wantRstd[rOff + r * groups + g] = (float) Norm.group(x, xOff + r * ch + c0, size, gamma, beta, c0,
                            wantY, yOff + r * ch + c0, wantXhat, EPS);
                }
            }
            Norm.rows(x, xOff, rows, ch, groups, gamma, beta, y, yOff, xhat, rstd, rOff, EPS);
            String at = ch + " channels in " + groups + " groups";
            Oracle.assertSameBits(y, wantY, "y, " + at);
            Oracle.assertSameBits(xhat, wantXhat, "x̂, " + at);
            Oracle.assertSameBits(rstd, wantRstd, "1/σ, " + at);

            // without x̂ and 1/σ, and in place
            float[] z = x.clone();
            Norm.rows(z, xOff, rows, ch, groups, gamma, beta, z, xOff, null, null, 0, EPS);
            Oracle.assertSameBits(java.util.Arrays.copyOfRange(z, xOff, z.length),
                    java.util.Arrays.copyOfRange(wantY, yOff, wantY.length), "in place, " + at);
            Oracle.assertSameBits(java.util.Arrays.copyOf(z, xOff), java.util.Arrays.copyOf(x, xOff), "before the rows, " + at);
        }
    }

    @Test
    void backwardMatchesTheScalarKernelBitForBit() {
        Random rnd = new Random(7);
        for (int[] shape : SHAPES) {
            int ch = shape[0], groups = shape[1], rows = 5, r0 = 1, r1 = 4;
            float[] dy = random(rnd, rows * ch, 1, 0.2), xhat = random(rnd, rows * ch, 1, 0), rstd = random(rnd, rows * groups, 0.3, 1);
            float[] gamma = random(rnd, ch, 0.2, 1);
            String at = ch + " channels in " + groups + " groups";
            float[] dx = random(rnd, rows * ch, 1, 0), want = dx.clone();
            Norm.backwardInput(dy, xhat, rstd, gamma, ch, groups, r0, r1, dx);
            double[] means = new double[2];
            for (int r = r0; r < r1; r++) { // the scalar kernel, group by group
                for (int g = 0; g < groups; g++) {
                    int size = ch / groups, o = r * ch + g * size;
                    Norm.gradMeans(dy, xhat, gamma, o, g * size, size, means, 0);
                    Norm.gradStep(dy, xhat, gamma, o, g * size, 0, size, means[0], means[1], rstd[r * groups + g], want);
                }
            }
            Oracle.assertSameBits(dx, want, "dx, " + at);
            float[] inPlace = dy.clone();
            Norm.backwardInput(inPlace, xhat, rstd, gamma, ch, groups, r0, r1, inPlace);
            Oracle.assertSameBits(java.util.Arrays.copyOfRange(inPlace, r0 * ch, r1 * ch),
                    java.util.Arrays.copyOfRange(want, r0 * ch, r1 * ch), "dx in place, " + at);

            int c0 = Math.min(3, ch - 1), c1 = ch;
            float[] dGamma = random(rnd, ch, 1, 0), dBeta = random(rnd, ch, 1, 0), wantG = dGamma.clone(), wantB = dBeta.clone();
            Norm.backwardParams(dy, xhat, rows, ch, c0, c1, dGamma, dBeta);
            double[] sg = new double[c1 - c0], sb = new double[c1 - c0];
            Norm.scalarParamSums(dy, xhat, rows, ch, c0, c1 - c0, sg, sb);
            for (int c = c0; c < c1; c++) { wantG[c] += (float) sg[c - c0]; wantB[c] += (float) sb[c - c0]; }
            Oracle.assertSameBits(dGamma, wantG, "dγ, " + at);
            Oracle.assertSameBits(dBeta, wantB, "dβ, " + at);
            // overwriting: channels [c0, c1) get the bits of adding to zeros, the others are left alone
            float[] zG = new float[ch], zB = new float[ch], oG = dGamma.clone(), oB = dBeta.clone();
            Norm.backwardParams(dy, xhat, rows, ch, c0, c1, zG, zB);
            Norm.backwardParams(dy, xhat, rows, ch, c0, c1, oG, oB, false);
            for (int c = 0; c < c0; c++) { zG[c] = dGamma[c]; zB[c] = dBeta[c]; }
            Oracle.assertSameBits(oG, zG, "dγ overwritten, " + at);
            Oracle.assertSameBits(oB, zB, "dβ overwritten, " + at);
        }
    }

    @Test
    void closeToFloat64() {
        Random rnd = new Random(9);
        int ch = 96, groups = 6, size = ch / groups;
        float[] x = random(rnd, ch, 2, -3), gamma = random(rnd, ch, 0.2, 1), beta = random(rnd, ch, 0.1, 0), y = new float[ch];
        Norm.rows(x, 0, 1, ch, groups, gamma, beta, y, 0, null, null, 0, EPS);
        for (int g = 0; g < groups; g++) {
            double m = 0, v = 0;
            for (int i = 0; i < size; i++) m += x[g * size + i];
            m /= size;
            for (int i = 0; i < size; i++) v += (x[g * size + i] - m) * (x[g * size + i] - m);
            double rs = 1 / Math.sqrt(v / size + EPS);
            for (int i = g * size; i < (g + 1) * size; i++) {
                assertThat((double) y[i]).as("channel %d", i).isCloseTo((x[i] - m) * rs * gamma[i] + beta[i], within(1e-5));
            }
        }
    }

    @Test
    void divisionByAPowerOfTwoIsTheMultiplication() {
        Random rnd = new Random(3);
        for (int k = 0; k < 100_000; k++) {
            double s = k % 10 == 0 ? Double.MIN_VALUE * rnd.nextInt(1000) : rnd.nextGaussian() * Math.pow(10, rnd.nextInt(40) - 20);
            for (int n : new int[] {1, 2, 4, 16, 32, 64, 3, 12}) {
                assertThat(Norm.divide(s, n)).as("%s / %d", s, n).isEqualTo(s / n);
            }
        }
    }
}
