package gfpose.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reader of NumPy {@code .npy} arrays and {@code .npz} archives (zip of .npy, stored or deflated).
 * Supports little-endian float32, float64, int16, int32 and int64 in C order, of any rank.
 * Every error names the file and the array.
 */
public final class Npy {
    private Npy() {}

    // numpy writes single quotes; other writers sometimes use double quotes, so accept both.
    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

    /** Reads a single {@code .npy} file. */
    public static NpyArray read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return parse(in, file.toString(), file.getFileName().toString().replaceFirst("\\.npy$", ""));
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file");
        }
    }

    /** An open {@code .npz} archive; arrays are read on demand by name (without the .npy suffix). */
    public static final class Archive implements AutoCloseable {
        private final Path file;
        private final ZipFile zip;
        private final Map<String, ZipEntry> entries = new LinkedHashMap<>();

        private Archive(Path file) throws IOException {
            this.file = file;
            if (!Files.isRegularFile(file)) throw new IOException(file + ": no such file");
            try {
                this.zip = new ZipFile(file.toFile());
            } catch (IOException e) {
                throw new IOException(file + ": not a valid .npz (zip) archive: " + e.getMessage());
            }
            zip.stream().forEach(e -> {
                if (e.getName().endsWith(".npy")) entries.put(e.getName().substring(0, e.getName().length() - 4), e);
            });
        }

        public Path file() { return file; }

        /** Array names in archive order. */
        public List<String> names() { return new ArrayList<>(entries.keySet()); }

        public boolean contains(String name) { return entries.containsKey(name); }

        /** Reads one array. */
        public NpyArray get(String name) throws IOException {
            ZipEntry e = entries.get(name);
            if (e == null) throw new IOException(file + ": no array '" + name + "'");
            String where = file + " array '" + name + "'";
            // ZipFile checks no CRC-32: a damaged member would be read as if it were whole
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            try (java.util.zip.CheckedInputStream checked = new java.util.zip.CheckedInputStream(zip.getInputStream(e), crc);
                 InputStream in = new BufferedInputStream(checked, 1 << 16)) {
                NpyArray a = parse(in, where, name);
                in.transferTo(OutputStream.nullOutputStream()); // trailing bytes count towards the checksum too
                if (e.getCrc() != -1 && crc.getValue() != e.getCrc()) {
                    throw new IOException(where + ": corrupt data (CRC-32 " + Long.toHexString(crc.getValue()) + ", the archive says "
                            + Long.toHexString(e.getCrc()) + ")");
                }
                return a;
            } catch (java.util.zip.ZipException ze) {
                throw new IOException(file + " array '" + name + "': corrupt zip entry: " + ze.getMessage());
            }
        }

        @Override public void close() throws IOException { zip.close(); }
    }

    /** Opens an {@code .npz} archive. */
    public static Archive openArchive(Path file) throws IOException { return new Archive(file); }

    static NpyArray parse(InputStream in, String where, String name) throws IOException {
        byte[] magic = in.readNBytes(8);
        if (magic.length < 8 || (magic[0] & 0xff) != 0x93 || magic[1] != 'N' || magic[2] != 'U' || magic[3] != 'M'
                || magic[4] != 'P' || magic[5] != 'Y') {
            throw new IOException(where + ": not a .npy array (bad magic)");
        }
        int major = magic[6];
        int headerLen;
        if (major == 1) {
            byte[] l = in.readNBytes(2);
            if (l.length < 2) throw new IOException(where + ": truncated header");
            headerLen = (l[0] & 0xff) | (l[1] & 0xff) << 8;
        } else if (major == 2 || major == 3) {
            byte[] l = in.readNBytes(4);
            if (l.length < 4) throw new IOException(where + ": truncated header");
            headerLen = (l[0] & 0xff) | (l[1] & 0xff) << 8 | (l[2] & 0xff) << 16 | (l[3] & 0xff) << 24;
        } else {
            throw new IOException(where + ": unsupported .npy version " + major);
        }
        if (headerLen < 0 || headerLen > 1 << 20) throw new IOException(where + ": bad header length " + headerLen);
        byte[] hb = in.readNBytes(headerLen);
        if (hb.length < headerLen) throw new IOException(where + ": truncated header");
        String header = new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header), f = FORTRAN.matcher(header), s = SHAPE.matcher(header);
        if (!header.trim().startsWith("{")) throw new IOException(where + ": bad header (not a dict): " + clip(header));
        if (!d.find() || !f.find() || !s.find()) throw new IOException(where + ": bad header: " + clip(header));
        String descr = d.group(1);
        if (descr.startsWith("|") && descr.length() == 3 && descr.charAt(2) == '1') descr = "<" + descr.substring(1);
        int itemSize;
        switch (descr) {
            case "<f4": case "<i4": itemSize = 4; break;
            case "<f8": case "<i8": itemSize = 8; break;
            case "<i2": itemSize = 2; break;
            default: throw new IOException(where + ": unsupported dtype '" + descr + "' (float32, float64, int16, int32, int64 little-endian only)");
        }
        if (f.group(1).equals("True")) throw new IOException(where + ": Fortran-order arrays are not supported");
        String dims = s.group(1).trim();
        List<Integer> shape = new ArrayList<>();
        long count = 1;
        if (!dims.isEmpty()) {
            for (String p : dims.split(",")) {
                String t = p.trim();
                if (t.isEmpty()) continue;
                int v;
                try { v = Integer.parseInt(t); } catch (NumberFormatException e) { throw new IOException(where + ": bad shape (" + dims + ")"); }
                if (v < 0) throw new IOException(where + ": bad shape (" + dims + ")");
                shape.add(v);
                // guard the product against overflow before it is used as a byte count
                if (v != 0 && count > Long.MAX_VALUE / 16 / v) throw new IOException(where + ": array too large (" + dims + ")");
                count *= v;
            }
        }
        long bytes = count * itemSize;
        if (bytes > Integer.MAX_VALUE - 16) throw new IOException(where + ": array too large (" + bytes + " bytes)");
        byte[] raw = in.readNBytes((int) bytes);
        if (raw.length < bytes) {
            throw new IOException(where + ": truncated data (" + raw.length + " of " + bytes + " bytes)");
        }
        int[] sh = shape.stream().mapToInt(Integer::intValue).toArray();
        return new NpyArray(name, descr, sh, ByteBuffer.wrap(raw));
    }

    private static String clip(String header) {
        String t = header.trim().replaceAll("\\s+", " ");
        return t.length() > 120 ? t.substring(0, 120) + "..." : t;
    }
}
