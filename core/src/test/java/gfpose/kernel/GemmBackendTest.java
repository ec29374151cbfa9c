package gfpose.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The backend is the one requested (no silent fallback), and the packed layout round-trips. */
class GemmBackendTest {
    @Test
    void backendMatchesRequestedWidth() {
        String req = System.getProperty("gfpose.vector.bits", "").trim();
        String expected;
        if (req.equals("0") || req.equalsIgnoreCase("scalar")) expected = "scalar";
        else if (!req.isEmpty()) expected = "vector-" + req;
        else expected = "vector-" + jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize();
        assertThat(Gemm.backend()).isEqualTo(expected);
        assertThat(Simd.PANEL).isEqualTo(Simd.BITS == 0 ? 16 : 2 * Simd.BITS / 32);
    }

    @Test
    void tileMatchesRequestedShape() {
        String req = System.getProperty("gfpose.gemm.tile", "").trim();
        String chosen = Simd.defaultTile(Simd.BITS, Simd.cpu());
        String expected = Simd.BITS == 0 ? "scalar" : !req.isEmpty() ? req : chosen;
        assertThat(Gemm.tile()).isEqualTo(expected);
        assertThat(Simd.tile(Simd.BITS)).isEqualTo(req.isEmpty() ? chosen : req);
        System.setProperty("gfpose.gemm.tile", "5x5");
        try {
            assertThatThrownBy(() -> Simd.tile(512)).hasMessageContaining("gfpose.gemm.tile");
        } finally {
            if (req.isEmpty()) System.clearProperty("gfpose.gemm.tile");
            else System.setProperty("gfpose.gemm.tile", req);
        }
    }

    @Test
    void defaultTileUses32RegistersOnlyAt512BitsOnFullWidthFmaCores() {
        Simd.Cpu zen4 = new Simd.Cpu("AuthenticAMD", 25), zen5 = new Simd.Cpu("AuthenticAMD", 26), intel = new Simd.Cpu("GenuineIntel", 6);
        assertThat(Simd.defaultTile(512, zen4)).isEqualTo("4x2");
        assertThat(Simd.defaultTile(512, zen5)).isEqualTo("4x4");
        assertThat(Simd.defaultTile(512, intel)).isEqualTo("8x2");
        assertThat(Simd.defaultTile(256, zen5)).isEqualTo("4x2");
        assertThat(Simd.defaultTile(256, intel)).isEqualTo("4x2");
        assertThat(Simd.defaultTile(128, new Simd.Cpu("ARM", 8))).isEqualTo("4x2");
        assertThat(Simd.defaultTile(512, null)).isEqualTo("4x2");
        assertThat(Simd.defaultTile(512, new Simd.Cpu("HygonGenuine", 24))).isEqualTo("4x2");
    }

    @Test
    void cpuinfoIsParsedFromTheFirstProcessor() {
        assertThat(Simd.parseCpu(java.util.List.of("processor\t: 0", "vendor_id\t: AuthenticAMD", "cpu family\t: 25",
                "model\t\t: 17", "processor\t: 1", "vendor_id\t: GenuineIntel", "cpu family\t: 6")))
                .isEqualTo(new Simd.Cpu("AuthenticAMD", 25));
        assertThat(Simd.parseCpu(java.util.List.of("processor\t: 0", "BogoMIPS\t: 50.00", "CPU implementer\t: 0x41"))).isNull();
        assertThat(Simd.parseCpu(java.util.List.of("vendor_id : GenuineIntel", "cpu family : six"))).isNull();
    }

    @Test
    void warmUpRunsAndLeavesResultsAlone() {
        Gemm.warmUp();
        Gemm.warmUp();
        PackedMatrix m = PackedMatrix.pack(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        float[] y = new float[2];
        Gemm.linear(new float[] {1, 1, 1}, 0, 1, m, new float[] {0.5f, -1}, y, 0, false, Activation.NONE);
        assertThat(y).containsExactly(6.5f, 14f);
    }

    @Test
    void packRoundTripsAndRepacksInPlace() {
        Random rnd = new Random(5);
        int out = 2 * Simd.PANEL + 3, in = 7;
        float[] w = Oracle.random(rnd, out * in);
        PackedMatrix m = PackedMatrix.pack(w, out, in);
        w[0] = 42; // pack copies
        assertThat(m.get(0, 0)).isNotEqualTo(42f);
        assertThat(m.out()).isEqualTo(out);
        assertThat(m.in()).isEqualTo(in);
        float[] w2 = Oracle.random(rnd, out * in);
        m.transposedPanels(); // built now, so repack must refresh it too
        Slabs.Slice panels = m.panels();
        m.repack(w2);
        assertThat(m.panels()).isSameAs(panels);
        assertThat(m.toRowMajor()).containsExactly(w2);
        assertThat(m.get(out - 1, in - 2)).isEqualTo(w2[(out - 1) * in + in - 2]);
        float[] dy = new float[out];
        dy[out - 1] = 1;
        float[] dx = new float[in];
        Gemm.linearBackwardInput(dy, 0, 1, m, dx, 0, false);
        for (int i = 0; i < in; i++) assertThat(dx[i]).isEqualTo(w2[(out - 1) * in + i]);
        assertThatThrownBy(() -> m.repack(new float[3])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PackedMatrix.pack(new float[3], 2, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void repackSplitAcrossThreadsGivesTheSamePanels() {
        Random rnd = new Random(6);
        int out = 5 * Simd.PANEL + 7, in = 3 * Simd.PANEL + 1; // partial last panels both ways
        float[] w = Oracle.random(rnd, out * in), w2 = Oracle.random(rnd, out * in);
        PackedMatrix one = PackedMatrix.pack(w, out, in), two = PackedMatrix.pack(w, out, in);
        one.transposedPanels();
        two.transposedPanels();
        one.repack(w2);
        try (ThreadPool pool = new ThreadPool(3)) {
            two.repack(w2, pool);
        }
        assertThat(run(two.panels())).containsExactly(run(one.panels()));
        assertThat(run(two.transposedPanels())).containsExactly(run(one.transposedPanels()));
        assertThat(two.toRowMajor()).containsExactly(w2);
    }

    @Test
    void repackingSeveralMatricesInOneRegionGivesTheirOwnPanels() {
        Random rnd = new Random(7);
        int[][] shapes = {{5 * Simd.PANEL + 7, 3 * Simd.PANEL + 1}, {3, 9}, {Simd.PANEL, 2 * Simd.PANEL}};
        java.util.List<PackedMatrix> alone = new java.util.ArrayList<>(), together = new java.util.ArrayList<>();
        java.util.List<float[]> values = new java.util.ArrayList<>();
        for (int i = 0; i < shapes.length; i++) {
            int out = shapes[i][0], in = shapes[i][1];
            float[] w = Oracle.random(rnd, out * in);
            alone.add(PackedMatrix.pack(w, out, in));
            together.add(PackedMatrix.pack(w, out, in));
            if (i != 1) { alone.get(i).transposedPanels(); together.get(i).transposedPanels(); } // the second has no Wᵀ yet
            values.add(Oracle.random(rnd, out * in));
        }
        for (int i = 0; i < shapes.length; i++) alone.get(i).repack(values.get(i));
        try (ThreadPool pool = new ThreadPool(3)) {
            PackedMatrix.repack(together, values, pool);
        }
        for (int i = 0; i < shapes.length; i++) {
            assertThat(run(together.get(i).panels())).as("matrix " + i).containsExactly(run(alone.get(i).panels()));
            assertThat(run(together.get(i).transposedPanels())).as("matrix " + i + " Wᵀ").containsExactly(run(alone.get(i).transposedPanels()));
            assertThat(together.get(i).toRowMajor()).containsExactly(values.get(i));
        }
        assertThatThrownBy(() -> PackedMatrix.repack(together, values.subList(0, 2), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void slabRunsAreAlignedDisjointAndZeroed() {
        int big = 100_000; // above the own-array limit: carved from a slab
        Slabs.Slice a = Slabs.allocate(big), b = Slabs.allocate(big + 3), small = Slabs.allocate(10);
        for (Slabs.Slice s : new Slabs.Slice[] {a, b, small}) {
            assertThat((s.offset() - Slabs.ALIGN) % 16).as("64-byte steps from ALIGN").isZero();
            assertThat(run(s)).containsOnly(0f);
        }
        assertThat(small.length()).isEqualTo(10);
        assertThat(small.data()).hasSize(10 + 16);
        if (a.data() == b.data()) {
            assertThat(b.offset()).as("b after a").isGreaterThanOrEqualTo(a.offset() + big);
        }
        java.util.Arrays.fill(a.data(), a.offset(), a.offset() + big, 1f);
        assertThat(run(b)).as("writing a leaves b alone").containsOnly(0f);
    }

    /** A slice's floats. */
    private static float[] run(Slabs.Slice s) { return java.util.Arrays.copyOfRange(s.data(), s.offset(), s.offset() + s.length()); }
}
