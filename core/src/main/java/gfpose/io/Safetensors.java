package gfpose.io;

import gfpose.GfposeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A safetensors file read into memory: an 8-byte little-endian header length, a JSON header
 * ({@code {"name": {"dtype", "shape", "data_offsets": [begin, end]}, "__metadata__": {string: string}}})
 * and the data section. {@link #read} validates the whole header against the file before returning, and every
 * error is a one-line {@link GfposeException} naming the file and, where there is one, the tensor.
 * {@link #write} writes F32, F16 or BF16 files atomically.
 */
public final class Safetensors {
    /** The header key that holds the string-to-string metadata. */
    public static final String METADATA = "__metadata__";
    /** Largest header accepted (as the reference implementation: 100 MB). */
    static final long MAX_HEADER = 100_000_000L;

    private final String file;  // how the source is named in messages: a path, or the caller's name for a stream
    private final Map<String, String> metadata;
    private final Map<String, SafetensorsEntry> entries;
    private final ByteBuffer data;

    private Safetensors(String file, Map<String, String> metadata, Map<String, SafetensorsEntry> entries, ByteBuffer data) {
        this.file = file;
        this.metadata = Collections.unmodifiableMap(metadata);
        this.entries = Collections.unmodifiableMap(entries);
        this.data = data.order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * The file or stream this was read from, as named in messages.
     *
     * @return the path, or the name the caller gave a buffer or stream
     */
    public String source() { return file; }

    /**
     * The {@code __metadata__} entries (empty when absent), in file order.
     *
     * @return an unmodifiable string-to-string map
     */
    public Map<String, String> metadata() { return metadata; }

    /**
     * The tensors in header order.
     *
     * @return a new list of the header entries (changing it changes nothing here)
     */
    public List<SafetensorsEntry> entries() { return new ArrayList<>(entries.values()); }

    /**
     * The named tensor's header entry, or null.
     *
     * @param name the tensor's name as the header spells it
     * @return its entry, or null when the file has no such tensor
     */
    public SafetensorsEntry entry(String name) { return entries.get(name); }

    /**
     * The named tensor's values converted to float, in C order.
     *
     * @param name the tensor's name as the header spells it
     * @return a new array of {@code entry(name).size()} values; F16 and BF16 convert exactly, F64 rounds to float
     * @throws GfposeException naming the file and the tensor when there is no such tensor or its dtype is not F32,
     *                         F16, BF16 or F64
     */
    public float[] floats(String name) {
        SafetensorsEntry e = entries.get(name);
        if (e == null) throw new GfposeException(file + ": no tensor '" + name + "'");
        if (!e.dtype().isFloat()) {
            throw new GfposeException(file + ": tensor '" + name + "' has dtype " + e.dtype() + ", expected F32, F16 or BF16");
        }
        int n = (int) e.size(), at = (int) e.begin();
        float[] out = new float[n];
        switch (e.dtype()) {
            case F32 -> { for (int i = 0; i < n; i++) out[i] = data.getFloat(at + 4 * i); }
            case F16 -> { for (int i = 0; i < n; i++) out[i] = SafetensorsDType.halfToFloat(data.getShort(at + 2 * i)); }
            case BF16 -> { for (int i = 0; i < n; i++) out[i] = SafetensorsDType.bf16ToFloat(data.getShort(at + 2 * i)); }
            case F64 -> { for (int i = 0; i < n; i++) out[i] = (float) data.getDouble(at + 8 * i); }
            default -> throw new IllegalStateException(e.dtype().toString());
        }
        return out;
    }

    // ---------------------------------------------------------------- reading

    /** Random access to the bytes being read: a file channel or a buffer in memory. */
    private interface Bytes {
        long size() throws IOException;

        /** Fills dst from position pos, or fails naming the source. */
        void read(ByteBuffer dst, long pos) throws IOException;
    }

    /**
     * Reads and validates a safetensors file.
     *
     * @param file the safetensors file; it is read whole into memory and closed
     * @return the header and the data, checked against each other
     * @throws GfposeException naming the file (and the tensor, where there is one) when it is missing or unreadable,
     *                         too short, has a header that is bad (length, UTF-8, JSON, dtype, shape or data_offsets),
     *                         or holds data bytes that are not exactly the tensors' (a gap, an overlap, trailing bytes)
     */
    public static Safetensors read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return parse(new Bytes() {
                @Override public long size() throws IOException { return ch.size(); }

                @Override public void read(ByteBuffer b, long pos) throws IOException {
                    while (b.hasRemaining()) {
                        if (ch.read(b, pos + b.position()) < 0) throw new GfposeException(file + ": unexpected end of file");
                    }
                }
            }, file.toString());
        } catch (NoSuchFileException e) {
            throw new GfposeException(file + ": no such file");
        } catch (IOException e) {
            throw new GfposeException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads and validates safetensors bytes held in memory (position to limit); {@code source} names them in messages.
     *
     * @param bytes  the whole file's bytes from position to limit; the buffer is copied, its position left unchanged
     * @param source names the bytes in error messages
     * @return the header and the data, checked against each other
     * @throws GfposeException naming the source (and the tensor) for the errors {@link #read(Path)} reports
     */
    public static Safetensors read(ByteBuffer bytes, String source) {
        ByteBuffer all = bytes.slice();
        try {
            return parse(new Bytes() {
                @Override public long size() { return all.remaining(); }

                @Override public void read(ByteBuffer b, long pos) {
                    if (pos + b.remaining() > all.limit()) throw new GfposeException(source + ": unexpected end of data");
                    b.put(all.duplicate().position((int) pos).limit((int) pos + b.remaining()));
                }
            }, source);
        } catch (IOException e) {
            throw new GfposeException(source + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads a whole stream (e.g. a classpath resource) and validates it; {@code source} names it in messages.
     *
     * @param in     the stream, read to its end (up to about 2 GiB) and left open
     * @param source names the stream in error messages
     * @return the header and the data, checked against each other
     * @throws GfposeException naming the source when the stream cannot be read, and (with the tensor) for the errors
     *                         {@link #read(Path)} reports
     */
    public static Safetensors read(InputStream in, String source) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(Integer.MAX_VALUE - 8);
        } catch (IOException e) {
            throw new GfposeException(source + ": cannot read (" + e.getMessage() + ")", e);
        }
        return read(ByteBuffer.wrap(bytes), source);
    }

    private static Safetensors parse(Bytes in, String file) throws IOException {
        long size = in.size();
        if (size < 8) throw new GfposeException(file + ": not a safetensors file (" + size + " bytes, too short for a header)");
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        in.read(len, 0);
        long n = len.getLong(0);
        if (n < 2) throw new GfposeException(file + ": header length " + Long.toUnsignedString(n) + " is too short for a header; not a safetensors file");
        if (n > size - 8) {
            throw new GfposeException(file + ": header length " + Long.toUnsignedString(n) + " exceeds the file size ("
                    + size + " bytes); truncated or not a safetensors file");
        }
        if (n > MAX_HEADER) throw new GfposeException(file + ": header length " + n + " is over the 100 MB limit");
        ByteBuffer hb = ByteBuffer.allocate((int) n);
        in.read(hb, 8);
        hb.flip();
        String header = decodeUtf8(hb, file);
        long dataSize = size - 8 - n;
        if (dataSize > Integer.MAX_VALUE - 8) throw new GfposeException(file + ": data section of " + dataSize + " bytes is too large");
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, SafetensorsEntry> entries = parseHeader(header, dataSize, file, metadata);
        ByteBuffer data = ByteBuffer.allocate((int) dataSize);
        in.read(data, 8 + n);
        data.flip();
        return new Safetensors(file, metadata, entries, data);
    }

    private static String decodeUtf8(ByteBuffer b, String file) {
        try {
            CharBuffer c = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(b);
            return c.toString();
        } catch (CharacterCodingException e) {
            throw new GfposeException(file + ": header is not valid UTF-8");
        }
    }

    private static Map<String, SafetensorsEntry> parseHeader(String header, long dataSize, String file, Map<String, String> metadata) {
        Object root = Json.parse(header, file + " header");
        if (!(root instanceof Map<?, ?> top)) throw new GfposeException(file + ": header is not a JSON object");
        Map<String, SafetensorsEntry> entries = new LinkedHashMap<>();
        for (Map.Entry<?, ?> kv : top.entrySet()) {
            String name = (String) kv.getKey();
            if (name.equals(METADATA)) {
                readMetadata(kv.getValue(), file, metadata);
            } else {
                entries.put(name, parseEntry(name, kv.getValue(), dataSize, file));
            }
        }
        checkLayout(entries, dataSize, file);
        return entries;
    }

    private static void readMetadata(Object v, String file, Map<String, String> metadata) {
        if (!(v instanceof Map<?, ?> m)) throw new GfposeException(file + ": __metadata__ is not a JSON object");
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getValue() instanceof String s)) {
                throw new GfposeException(file + ": __metadata__ value of '" + e.getKey() + "' is not a string");
            }
            metadata.put((String) e.getKey(), s);
        }
    }

    private static SafetensorsEntry parseEntry(String name, Object v, long dataSize, String file) {
        String where = file + ": tensor '" + name + "'";
        if (!(v instanceof Map<?, ?> m)) throw new GfposeException(where + ": header entry is not a JSON object");
        if (!(m.get("dtype") instanceof String ds)) throw new GfposeException(where + ": missing or non-string 'dtype'");
        SafetensorsDType dtype = SafetensorsDType.parse(ds);
        if (dtype == null) throw new GfposeException(where + ": unknown dtype '" + ds + "'");
        int[] shape = intList(m.get("shape"), where, "'shape' must be a list of non-negative integers");
        long[] off = longList(m.get("data_offsets"), where);
        long count = 1;
        for (int d : shape) {
            count *= d;
            if (count > Integer.MAX_VALUE) throw new GfposeException(where + ": shape " + java.util.Arrays.toString(shape) + " is too large");
        }
        long begin = off[0], end = off[1];
        if (begin < 0 || end < begin) {
            throw new GfposeException(where + ": invalid data_offsets [" + begin + ", " + end + "]");
        }
        if (end > dataSize) {
            throw new GfposeException(where + ": data_offsets [" + begin + ", " + end + "] run past the end of the data section ("
                    + dataSize + " bytes); truncated file?");
        }
        if (end - begin != count * dtype.bytes()) {
            throw new GfposeException(where + ": data_offsets [" + begin + ", " + end + "] hold " + (end - begin) + " bytes, but "
                    + dtype + " " + java.util.Arrays.toString(shape) + " needs " + count * dtype.bytes());
        }
        return new SafetensorsEntry(name, dtype, shape, begin, end);
    }

    private static int[] intList(Object v, String where, String what) {
        if (!(v instanceof List<?> l)) throw new GfposeException(where + ": " + what);
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(l.get(i) instanceof Long x) || x < 0 || x > Integer.MAX_VALUE) throw new GfposeException(where + ": " + what);
            out[i] = (int) (long) x;
        }
        return out;
    }

    private static long[] longList(Object v, String where) {
        String what = "'data_offsets' must be two non-negative integers [begin, end]";
        if (!(v instanceof List<?> l) || l.size() != 2) throw new GfposeException(where + ": " + what);
        long[] out = new long[2];
        for (int i = 0; i < 2; i++) {
            if (!(l.get(i) instanceof Long x)) throw new GfposeException(where + ": " + what);
            out[i] = x;
        }
        return out;
    }

    /**
     * The tensors must tile the data section exactly, as the reference implementation demands: no overlap, no gap and no
     * trailing bytes (bytes no tensor owns are a damaged or doctored file, not padding).
     */
    private static void checkLayout(Map<String, SafetensorsEntry> entries, long dataSize, String file) {
        List<SafetensorsEntry> sorted = new ArrayList<>(entries.values());
        sorted.removeIf(e -> e.begin() == e.end()); // empty tensors occupy no bytes
        sorted.sort(Comparator.comparingLong(SafetensorsEntry::begin));
        long at = 0;
        SafetensorsEntry prev = null;
        for (SafetensorsEntry e : sorted) {
            if (e.begin() < at) {
                throw new GfposeException(file + ": tensor '" + e.name() + "' data_offsets [" + e.begin() + ", " + e.end()
                        + "] overlap tensor '" + prev.name() + "' [" + prev.begin() + ", " + prev.end() + "]");
            }
            if (e.begin() > at) {
                throw new GfposeException(file + ": bytes " + at + " to " + e.begin() + " of the data belong to no tensor (before '"
                        + e.name() + "')");
            }
            at = e.end();
            prev = e;
        }
        if (at != dataSize) throw new GfposeException(file + ": " + (dataSize - at) + " trailing bytes after the last tensor");
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes tensors (in the given order, contiguous) with metadata, atomically.
     *
     * @param file     the file to create or replace
     * @param metadata the {@code __metadata__} strings, written in iteration order; null or empty writes none
     * @param tensors  the tensors, named uniquely
     * @param dtype    F32, F16 or BF16; F16/BF16 round to nearest even
     * @throws IllegalArgumentException for another dtype, or a tensor name given twice or equal to {@link #METADATA}
     * @throws GfposeException naming the file when it cannot be written
     */
    public static void write(Path file, Map<String, String> metadata, List<SafetensorsTensor> tensors, SafetensorsDType dtype) {
        if (dtype != SafetensorsDType.F32 && dtype != SafetensorsDType.F16 && dtype != SafetensorsDType.BF16) {
            throw new IllegalArgumentException("safetensors: can write F32, F16 or BF16, not " + dtype);
        }
        Map<String, Object> header = new LinkedHashMap<>();
        if (metadata != null && !metadata.isEmpty()) header.put(METADATA, new LinkedHashMap<>(metadata));
        long at = 0;
        for (SafetensorsTensor t : tensors) {
            if (t.name().equals(METADATA) || header.containsKey(t.name())) {
                throw new IllegalArgumentException("safetensors: duplicate or reserved tensor name '" + t.name() + "'");
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("dtype", dtype.name());
            List<Object> shape = new ArrayList<>();
            for (int d : t.shape()) shape.add((long) d);
            e.put("shape", shape);
            long end = at + (long) t.values().length * dtype.bytes();
            e.put("data_offsets", List.of(at, end));
            header.put(t.name(), e);
            at = end;
        }
        byte[] json = Json.write(header, 0).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8; // keep the data 8-byte aligned, as the reference writer does
        byte[] head = new byte[8 + padded];
        ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).put(json);
        for (int i = 8 + json.length; i < head.length; i++) head[i] = ' ';
        AtomicFile.write(file, out -> {
            out.write(head);
            for (SafetensorsTensor t : tensors) out.write(encode(t.values(), dtype));
        });
    }

    private static byte[] encode(float[] v, SafetensorsDType dtype) {
        ByteBuffer b = ByteBuffer.allocate(v.length * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        switch (dtype) {
            case F32 -> { for (float f : v) b.putFloat(f); }
            case F16 -> { for (float f : v) b.putShort(SafetensorsDType.floatToHalf(f)); }
            case BF16 -> { for (float f : v) b.putShort(SafetensorsDType.floatToBf16(f)); }
            default -> throw new IllegalStateException(dtype.toString());
        }
        return b.array();
    }
}
