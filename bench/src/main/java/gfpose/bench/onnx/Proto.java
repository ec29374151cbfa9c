package gfpose.bench.onnx;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal protocol-buffers encoder: just the wire types ONNX needs (varint, fixed32, length-delimited).
 * Fields are written in call order; a nested message is encoded first and then embedded as bytes.
 */
final class Proto {
    private static final int VARINT = 0, LEN = 2, FIXED32 = 5;

    private byte[] buf = new byte[64];
    private int n;

    /** An int32/int64/enum field; negative values take ten bytes (two's complement), as protobuf requires. */
    Proto varint(int field, long v) {
        tag(field, VARINT);
        rawVarint(v);
        return this;
    }

    /** A float field (wire type fixed32, little-endian). */
    Proto fixed32(int field, float v) {
        tag(field, FIXED32);
        int b = Float.floatToRawIntBits(v);
        ensure(4);
        for (int s = 0; s < 32; s += 8) buf[n++] = (byte) (b >>> s);
        return this;
    }

    Proto string(int field, String s) {
        return bytes(field, s.getBytes(StandardCharsets.UTF_8));
    }

    Proto message(int field, Proto m) {
        tag(field, LEN);
        rawVarint(m.n);
        append(m.buf, m.n);
        return this;
    }

    Proto bytes(int field, byte[] b) {
        tag(field, LEN);
        rawVarint(b.length);
        append(b, b.length);
        return this;
    }

    /** A repeated int64 field in packed form (proto2 accepts packed and unpacked encodings alike). */
    Proto packedVarints(int field, long[] v) {
        Proto body = new Proto();
        for (long x : v) body.rawVarint(x);
        return message(field, body);
    }

    int size() { return n; }

    byte[] toByteArray() { return Arrays.copyOf(buf, n); }

    private void tag(int field, int wire) { rawVarint(((long) field << 3) | wire); }

    private void rawVarint(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[n++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[n++] = (byte) v;
    }

    private void append(byte[] b, int len) {
        ensure(len);
        System.arraycopy(b, 0, buf, n, len);
        n += len;
    }

    private void ensure(int extra) {
        long need = (long) n + extra;
        if (need > Integer.MAX_VALUE - 8) throw new IllegalStateException("protobuf message over 2 GB");
        if (need > buf.length) buf = Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(need, 2L * buf.length)));
    }
}
