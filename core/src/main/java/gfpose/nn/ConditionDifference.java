package gfpose.nn;

/** The condition input of the network: d = x − c, depth zeroed for 2-D conditions, then d ⊙ mask. */
final class ConditionDifference {
    private ConditionDifference() {}

    /** Rows [r0, r1) into d (same row indexing); the arithmetic of the eval forward in {@link ScoreNet}. */
    static void compute(ModelConfig c, float[] x, float[] cond, float[] mask, int r0, int r1, float[] d) {
        compute(c, x, cond, mask, r0, r1, d, 0);
    }

    /** Rows [r0, r1) into d, row r at d row {@code r - dRow0} (scratch that starts at the chunk's first row). */
    static void compute(ModelConfig c, float[] x, float[] cond, float[] mask, int r0, int r1, float[] d, int dRow0) {
        int dim = c.condDim(), len = c.condIn();
        for (int r = r0; r < r1; r++) {
            int o = r * len, od = (r - dRow0) * len;
            float zflag = 1f;
            if (dim > 2) {
                float s = 0f;
                for (int j = 0; j < c.joints(); j++) s += Math.abs(cond[o + j * dim + 2]);
                zflag = s > 0f ? 1f : 0f;
            }
            for (int i = 0; i < len; i++) {
                float v = x[o + i] - cond[o + i];
                if (i % dim == 2) v *= zflag;
                if (mask != null) v *= mask[o + i];
                d[od + i] = v;
            }
        }
    }
}
