package gfpose.io;

/**
 * The element types of the safetensors format with their sizes. F32, F16, BF16 (and F64, for PyTorch's float64
 * buffers) convert to float; the others are recognised so a header can be validated, but not converted.
 */
public enum SafetensorsDType {
    BOOL(1), U8(1), I8(1), F8_E5M2(1), F8_E4M3(1), I16(2), U16(2), F16(2), BF16(2),
    I32(4), U32(4), F32(4), I64(8), U64(8), F64(8);

    private final int bytes;

    SafetensorsDType(int bytes) { this.bytes = bytes; }

    /** Bytes per element. */
    public int bytes() { return bytes; }

    /** Whether {@link Safetensors#floats} can convert this type. */
    public boolean isFloat() { return this == F32 || this == F16 || this == BF16 || this == F64; }

    /** The type named by a header's {@code dtype} string, or null. */
    public static SafetensorsDType parse(String s) {
        for (SafetensorsDType t : values()) if (t.name().equals(s)) return t;
        return null;
    }

    /** IEEE binary16 bits to float (exact). */
    public static float halfToFloat(int h) {
        int e = (h >>> 10) & 0x1f, m = h & 0x3ff;
        float v;
        if (e == 0) v = m * 0x1p-24f; // zero and subnormals
        else if (e == 31) v = m == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        else v = Float.intBitsToFloat((e - 15 + 127) << 23 | m << 13);
        return (h & 0x8000) != 0 ? -v : v;
    }

    /** Float to IEEE binary16 bits, rounding to nearest even; overflow gives ±infinity. */
    public static short floatToHalf(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000, abs = bits & 0x7fffffff;
        if (abs >= 0x7f800000) return (short) (sign | (abs > 0x7f800000 ? 0x7e00 : 0x7c00));
        if (abs >= 0x477ff000) return (short) (sign | 0x7c00); // ≥ 65520 rounds past the largest half, 65504
        if (abs < 0x38800000) {
            // below 2^-14: a subnormal half counts units of 2^-24; scaling by 2^24 is exact, rint is ties-to-even
            return (short) (sign | (int) Math.rint(Float.intBitsToFloat(abs) * 0x1p24f));
        }
        int h = ((abs >>> 23) - 127 + 15) << 10 | (abs & 0x7fffff) >>> 13;
        int rest = abs & 0x1fff;
        if (rest > 0x1000 || (rest == 0x1000 && (h & 1) != 0)) h++; // a carry correctly bumps the exponent
        return (short) (sign | h);
    }

    /** bfloat16 bits to float (exact). */
    public static float bf16ToFloat(int b) { return Float.intBitsToFloat((b & 0xffff) << 16); }

    /** Float to bfloat16 bits, rounding to nearest even; NaN stays NaN. */
    public static short floatToBf16(float f) {
        int bits = Float.floatToRawIntBits(f);
        if ((bits & 0x7fffffff) > 0x7f800000) return (short) (bits >>> 16 | 0x40);
        return (short) ((bits + 0x7fff + ((bits >>> 16) & 1)) >>> 16);
    }
}
