package gfpose.kernel;

/**
 * Dense layers on packed weights: {@code y = act(x · Wᵀ + b)} for a block of rows.
 * Every output element accumulates its products in increasing k order, so a row's result does
 * not depend on which rows share the call (batch split and thread count never change bits).
 */
public final class Gemm {
    private Gemm() {}

    /**
     * For each row r in [0, rows): {@code y[yOff + r*out + j] = act((accumulate ? y : 0) + bias[j] + Σ_k x[xOff + r*in + k] · W[j][k])}.
     *
     * @param bias may be null
     */
    public static void linear(float[] x, int xOff, int rows, PackedMatrix w, float[] bias,
                              float[] y, int yOff, boolean accumulate, Activation act) {
        int in = w.in(), out = w.out();
        for (int r = 0; r < rows; r++) {
            int xr = xOff + r * in, yr = yOff + r * out;
            for (int j = 0; j < out; j++) {
                float s = 0f;
                for (int k = 0; k < in; k++) s = Math.fma(x[xr + k], w.get(j, k), s);
                if (bias != null) s += bias[j];
                if (accumulate) s += y[yr + j];
                y[yr + j] = act.apply(s);
            }
        }
    }
}
