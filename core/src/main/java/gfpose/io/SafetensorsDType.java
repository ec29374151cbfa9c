package gfpose.io;

/**
 * The element types of the safetensors format with their sizes. F32, F16, BF16 (and F64, for PyTorch's float64
 * buffers) convert to float; the others are recognised so a header can be validated, but not converted.
 */
public enum SafetensorsDType {
    /** Boolean, one byte per element. */
    BOOL(1),
    /** Unsigned 8-bit integer. */
    U8(1),
    /** Signed 8-bit integer. */
    I8(1),
    /** 8-bit float with 5 exponent and 2 mantissa bits. */
    F8_E5M2(1),
    /** 8-bit float with 4 exponent and 3 mantissa bits. */
    F8_E4M3(1),
    /** Signed 16-bit integer. */
    I16(2),
    /** Unsigned 16-bit integer. */
    U16(2),
    /** IEEE binary16 (half precision); converts to float exactly. */
    F16(2),
    /** bfloat16, the upper 16 bits of a float; converts to float exactly. */
    BF16(2),
    /** Signed 32-bit integer. */
    I32(4),
    /** Unsigned 32-bit integer. */
    U32(4),
    /** IEEE binary32 (float), the type gfpose computes in. */
    F32(4),
    /** Signed 64-bit integer. */
    I64(8),
    /** Unsigned 64-bit integer. */
    U64(8),
    /** IEEE binary64 (double); read only, rounded to float. */
    F64(8);

    private final int bytes;

    SafetensorsDType(int bytes) { this.bytes = bytes; }

    /**
     * Bytes per element.
     *
     * @return 1, 2, 4 or 8
     */
    public int bytes() { return bytes; }

    /**
     * Whether {@link Safetensors#floats} can convert this type.
     *
     * @return true for F32, F16, BF16 and F64
     */
    public boolean isFloat() { return this == F32 || this == F16 || this == BF16 || this == F64; }

    /**
     * The type named by a header's {@code dtype} string, or null.
     *
     * @param s the dtype string, matched exactly (upper case, as the format writes it)
     * @return the type, or null for an unknown name (the caller names the file in its error)
     */
    public static SafetensorsDType parse(String s) {
        for (SafetensorsDType t : values()) if (t.name().equals(s)) return t;
        return null;
    }

    /**
     * IEEE binary16 bits to float (exact).
     *
     * @param h the 16 bits in the low half; higher bits are ignored
     * @return the value, including subnormals, signed zeros, infinities and NaN
     */
    public static float halfToFloat(int h) {
        int e = (h >>> 10) & 0x1f, m = h & 0x3ff;
        float v;
        if (e == 0) v = m * 0x1p-24f; // zero and subnormals
        else if (e == 31) v = m == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        else v = Float.intBitsToFloat((e - 15 + 127) << 23 | m << 13);
        return (h & 0x8000) != 0 ? -v : v;
    }

    /**
     * Float to IEEE binary16 bits, rounding to nearest even; overflow gives ±infinity.
     *
     * @param f any float; NaN stays NaN (a quiet NaN of the same sign)
     * @return the 16 bits
     */
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

    /**
     * bfloat16 bits to float (exact).
     *
     * @param b the 16 bits in the low half; higher bits are ignored
     * @return the value
     */
    public static float bf16ToFloat(int b) { return Float.intBitsToFloat((b & 0xffff) << 16); }

    /**
     * Float to bfloat16 bits, rounding to nearest even; NaN stays NaN.
     *
     * @param f any float; one that rounds past the largest bfloat16 gives ±infinity
     * @return the 16 bits
     */
    public static short floatToBf16(float f) {
        int bits = Float.floatToRawIntBits(f);
        if ((bits & 0x7fffffff) > 0x7f800000) return (short) (bits >>> 16 | 0x40);
        return (short) ((bits + 0x7fff + ((bits >>> 16) & 1)) >>> 16);
    }
}
