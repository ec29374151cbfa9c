package gfpose.nn;

import gfpose.kernel.PackedRows;

/** Scratch buffers for running the network on up to {@code capacity} rows; one per concurrent chunk, reused. */
final class Workspace {
    final int capacity;
    final float[] d;       // condition difference, rows × condIn
    final float[] tembRaw; // sinusoidal embedding, rows × embed
    final float[] temb;    // time MLP output, rows × embed
    final float[] cemb;    // condition embedding, rows × hidden
    final float[] h;       // residual stream, rows × hidden
    final float[] h1;      // block inner activation, rows × hidden
    final float[] sum;     // pre-norm sums, rows × hidden
    final float[] tproj;   // one sub-layer's dense_t(temb) when all rows share t, hidden
    final PackedRows tembRows = new PackedRows(), cembRows = new PackedRows(); // temb and cemb packed for every sub-layer
    final PackedRows inRows = new PackedRows(); // the input of the layer about to run, packed for its GEMM

    Workspace(ModelConfig c, int capacity) {
        this.capacity = capacity;
        d = new float[capacity * c.condIn()];
        tembRaw = new float[capacity * c.embed()];
        temb = new float[capacity * c.embed()];
        cemb = new float[capacity * c.hidden()];
        h = new float[capacity * c.hidden()];
        h1 = new float[capacity * c.hidden()];
        sum = new float[capacity * c.hidden()];
        tproj = new float[c.hidden()];
    }
}
