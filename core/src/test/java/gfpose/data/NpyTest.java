package gfpose.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    @TempDir Path dir;

    /** A version-1 .npy: magic, header padded to a multiple of 64, then the raw bytes. */
    static byte[] npy(String descr, boolean fortran, String shape, byte[] data) {
        String h = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape + ", }";
        int pad = 64 - (10 + h.length() + 1) % 64;
        h = h + " ".repeat(pad % 64) + "\n";
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) h.length(), (byte) (h.length() >> 8)}, 0, 10);
        b.writeBytes(h.getBytes(StandardCharsets.ISO_8859_1));
        b.writeBytes(data);
        return b.toByteArray();
    }

    static byte[] le(int bytes, java.util.function.Consumer<ByteBuffer> fill) {
        ByteBuffer bb = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        fill.accept(bb);
        return bb.array();
    }

    Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    @Test
    void readsEveryDtypeAndRank() throws IOException {
        NpyArray f4 = Npy.read(write("a.npy", npy("<f4", false, "(2, 1, 3)", le(24, b -> { for (int i = 0; i < 6; i++) b.putFloat(i * 0.5f); }))));
        assertThat(f4.shape()).containsExactly(2, 1, 3);
        assertThat(f4.toFloats()).containsExactly(0f, 0.5f, 1f, 1.5f, 2f, 2.5f);
        NpyArray f8 = Npy.read(write("b.npy", npy("<f8", false, "(2,)", le(16, b -> { b.putDouble(1e-300); b.putDouble(-3.25); }))));
        assertThat(f8.toDoubles()).containsExactly(1e-300, -3.25);
        NpyArray i2 = Npy.read(write("c.npy", npy("<i2", false, "(3,)", le(6, b -> { b.putShort((short) -7); b.putShort((short) 300); b.putShort((short) 0); }))));
        assertThat(i2.toLongs()).containsExactly(-7, 300, 0);
        NpyArray i4 = Npy.read(write("d.npy", npy("<i4", false, "(1, 2)", le(8, b -> { b.putInt(-123456); b.putInt(42); }))));
        assertThat(i4.toFloats()).containsExactly(-123456f, 42f);
        NpyArray i8 = Npy.read(write("e.npy", npy("<i8", false, "()", le(8, b -> b.putLong(1L << 40)))));
        assertThat(i8.shape()).isEmpty();
        assertThat(i8.scalar()).isEqualTo(Math.pow(2, 40));
        NpyArray empty = Npy.read(write("f.npy", npy("<f4", false, "(0, 3)", new byte[0])));
        assertThat(empty.size()).isZero();
    }

    @Test
    void readsStoredAndDeflatedNpzEntries() throws IOException {
        byte[] a = npy("<f4", false, "(2,)", le(8, b -> { b.putFloat(1f); b.putFloat(2f); }));
        byte[] c = npy("<i4", false, "(3,)", le(12, b -> { b.putInt(1); b.putInt(2); b.putInt(3); }));
        Path z = dir.resolve("x.npz");
        try (ZipOutputStream zo = new ZipOutputStream(Files.newOutputStream(z))) {
            putStored(zo, "S9/Walking 1.npy", a);
            ZipEntry deflated = new ZipEntry("counts.npy");
            deflated.setMethod(ZipEntry.DEFLATED);
            zo.putNextEntry(deflated);
            zo.write(c);
            zo.closeEntry();
        }
        try (Npy.Archive ar = Npy.openArchive(z)) {
            assertThat(ar.names()).containsExactly("S9/Walking 1", "counts");
            assertThat(ar.get("S9/Walking 1").toFloats()).containsExactly(1f, 2f);
            assertThat(ar.get("counts").toLongs()).containsExactly(1, 2, 3);
            assertThatThrownBy(() -> ar.get("nope")).hasMessageContaining("x.npz").hasMessageContaining("'nope'");
        }
    }

    @Test
    void aDamagedStoredMemberFailsItsChecksum() throws IOException {
        byte[] a = npy("<f4", false, "(64,)", le(256, b -> { for (int i = 0; i < 64; i++) b.putFloat(i); }));
        Path z = dir.resolve("d.npz");
        try (ZipOutputStream zo = new ZipOutputStream(Files.newOutputStream(z))) {
            putStored(zo, "arr.npy", a);
        }
        byte[] bytes = Files.readAllBytes(z);
        int at = indexOf(bytes, le(8, b -> { b.putFloat(10f); b.putFloat(11f); }));
        for (int i = at; i < at + 16; i++) bytes[i] = 0; // zero four values in the member's data, as a bad disk would
        Files.write(z, bytes);
        try (Npy.Archive ar = Npy.openArchive(z)) {
            assertThatThrownBy(() -> ar.get("arr")).hasMessageContaining("d.npz").hasMessageContaining("'arr'").hasMessageContaining("CRC-32");
        }
    }

    /** An uncompressed member: a stored entry needs its size and CRC-32 up front. */
    static void putStored(ZipOutputStream zo, String name, byte[] data) throws IOException {
        ZipEntry stored = new ZipEntry(name);
        stored.setMethod(ZipEntry.STORED);
        stored.setSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        stored.setCrc(crc.getValue());
        zo.putNextEntry(stored);
        zo.write(data);
        zo.closeEntry();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int k = 0; k < needle.length; k++) if (hay[i + k] != needle[k]) continue outer;
            return i;
        }
        throw new AssertionError("not found");
    }

    @Test
    void truncatedDeflatedEntryNamesFileAndArray() throws IOException {
        byte[] a = npy("<f8", false, "(4,)", le(16, b -> { b.putDouble(1); b.putDouble(2); })); // 2 of 4 values
        Path z = dir.resolve("t.npz");
        try (ZipOutputStream zo = new ZipOutputStream(Files.newOutputStream(z))) {
            zo.putNextEntry(new ZipEntry("short.npy"));
            zo.write(a);
            zo.closeEntry();
        }
        try (Npy.Archive ar = Npy.openArchive(z)) {
            assertThatThrownBy(() -> ar.get("short")).hasMessageContaining("t.npz").hasMessageContaining("'short'")
                    .hasMessageContaining("truncated data (16 of 32 bytes)");
        }
    }

    @Test
    void rejectsBadInputWithTheFileNamed() throws IOException {
        Path bigEndian = write("be.npy", npy(">f4", false, "(1,)", new byte[4]));
        assertThatThrownBy(() -> Npy.read(bigEndian)).hasMessageContaining("be.npy").hasMessageContaining("unsupported dtype '>f4'");
        Path bool = write("bool.npy", npy("|b1", false, "(1,)", new byte[1]));
        assertThatThrownBy(() -> Npy.read(bool)).hasMessageContaining("bool.npy").hasMessageContaining("unsupported dtype");
        Path fortran = write("fo.npy", npy("<f4", true, "(2, 2)", new byte[16]));
        assertThatThrownBy(() -> Npy.read(fortran)).hasMessageContaining("fo.npy").hasMessageContaining("Fortran");
        Path trunc = write("tr.npy", npy("<f4", false, "(10,)", new byte[12]));
        assertThatThrownBy(() -> Npy.read(trunc)).hasMessageContaining("tr.npy").hasMessageContaining("truncated data (12 of 40 bytes)");
        Path noShape = write("ns.npy", npy("<f4", false, "(2,)", new byte[8]).clone());
        byte[] raw = Files.readAllBytes(noShape);
        String s = new String(raw, StandardCharsets.ISO_8859_1).replace("'shape'", "'shXpe'");
        Files.write(noShape, s.getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Npy.read(noShape)).hasMessageContaining("ns.npy").hasMessageContaining("bad header");
        Path badShape = write("bs.npy", npy("<f4", false, "(2, x)", new byte[8]));
        assertThatThrownBy(() -> Npy.read(badShape)).hasMessageContaining("bs.npy").hasMessageContaining("bad shape");
        Path magic = write("m.npy", "hello world, not numpy".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> Npy.read(magic)).hasMessageContaining("m.npy").hasMessageContaining("bad magic");
        Path header = write("h.npy", java.util.Arrays.copyOf(npy("<f4", false, "(1,)", new byte[4]), 20));
        assertThatThrownBy(() -> Npy.read(header)).hasMessageContaining("h.npy").hasMessageContaining("truncated header");
        assertThatThrownBy(() -> Npy.read(dir.resolve("absent.npy"))).hasMessageContaining("absent.npy");
        Path notZip = write("nz.npz", new byte[] {1, 2, 3});
        assertThatThrownBy(() -> Npy.openArchive(notZip)).hasMessageContaining("nz.npz");
    }

}
