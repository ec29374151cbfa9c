package gfpose.io;

import gfpose.GfposeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader and writer (RFC 8259). Objects become {@code LinkedHashMap<String,Object>},
 * arrays {@code List<Object>}, numbers {@code Long} (integers) or {@code Double}, plus String, Boolean and null.
 * Parse errors name the source, line and column.
 */
public final class Json {
    private final String s;
    private final String source;
    private int i;

    private Json(String s, String source) {
        this.s = s;
        this.source = source;
    }

    /**
     * Parses a complete JSON document: one value, surrounded only by whitespace.
     *
     * @param text   the document
     * @param source prefixes error messages (a file name)
     * @return the value: a {@code Map<String,Object>} (keys in document order), {@code List<Object>}, {@code Long}
     *         (an integer of up to 18 characters), {@code Double} (any other number), {@code String}, {@code Boolean},
     *         or null for the literal {@code null}
     * @throws GfposeException naming the source, line and column of the first error, e.g. a duplicate key, a byte-order
     *                         mark, trailing text, or nesting deeper than 512
     */
    public static Object parse(String text, String source) {
        Json p = new Json(text, source);
        p.ws();
        Object v = p.value(0);
        p.ws();
        if (p.i != p.s.length()) throw p.error("unexpected text after the JSON value");
        return v;
    }

    private GfposeException error(String what) {
        int line = 1, col = 1;
        for (int k = 0; k < Math.min(i, s.length()); k++) {
            if (s.charAt(k) == '\n') { line++; col = 1; } else col++;
        }
        return new GfposeException(source + ": malformed JSON at line " + line + ", column " + col + ": " + what);
    }

    private void ws() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') i++; else break;
        }
    }

    private Object value(int depth) {
        if (depth > 512) throw error("nesting too deep");
        if (i >= s.length()) throw error("unexpected end of input");
        char c = s.charAt(i);
        switch (c) {
            case '{': return object(depth);
            case '[': return array(depth);
            case '"': return string();
            case 't': return literal("true", Boolean.TRUE);
            case 'f': return literal("false", Boolean.FALSE);
            case 'n': return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                if (c == '\uFEFF') throw error("a byte-order mark (BOM); save the file as UTF-8 without one");
                if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.getType(c) == Character.FORMAT) {
                    throw error(String.format("unexpected invisible character U+%04X", (int) c));
                }
                throw error("unexpected character '" + c + "'");
        }
    }

    private Object literal(String word, Object v) {
        if (!s.startsWith(word, i)) throw error("expected '" + word + "'");
        i += word.length();
        return v;
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        ws();
        if (i < s.length() && s.charAt(i) == '}') { i++; return m; }
        while (true) {
            ws();
            if (i >= s.length() || s.charAt(i) != '"') throw error("expected a string key");
            String k = string();
            ws();
            if (i >= s.length() || s.charAt(i) != ':') throw error("expected ':' after key \"" + k + "\"");
            i++;
            ws();
            if (m.containsKey(k)) throw error("duplicate key \"" + k + "\"");
            m.put(k, value(depth + 1));
            ws();
            if (i >= s.length()) throw error("unexpected end of input in object");
            char c = s.charAt(i++);
            if (c == '}') return m;
            if (c != ',') { i--; throw error("expected ',' or '}'"); }
        }
    }

    private List<Object> array(int depth) {
        List<Object> a = new ArrayList<>();
        i++;
        ws();
        if (i < s.length() && s.charAt(i) == ']') { i++; return a; }
        while (true) {
            ws();
            a.add(value(depth + 1));
            ws();
            if (i >= s.length()) throw error("unexpected end of input in array");
            char c = s.charAt(i++);
            if (c == ']') return a;
            if (c != ',') { i--; throw error("expected ',' or ']'"); }
        }
    }

    private String string() {
        StringBuilder b = new StringBuilder();
        i++;
        while (true) {
            if (i >= s.length()) throw error("unterminated string");
            char c = s.charAt(i++);
            if (c == '"') return b.toString();
            if (c < 0x20) { i--; throw error("control character in string"); }
            if (c != '\\') { b.append(c); continue; }
            if (i >= s.length()) throw error("unterminated escape");
            char e = s.charAt(i++);
            switch (e) {
                case '"': b.append('"'); break;
                case '\\': b.append('\\'); break;
                case '/': b.append('/'); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'n': b.append('\n'); break;
                case 'r': b.append('\r'); break;
                case 't': b.append('\t'); break;
                case 'u':
                    if (i + 4 > s.length()) throw error("bad \\u escape");
                    try {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    i += 4;
                    break;
                default: i--; throw error("bad escape '\\" + e + "'");
            }
        }
    }

    /** JSON's digits are ASCII only ({@link Character#isDigit} would take ٤ and friends, which no parser reads). */
    private static boolean digit(char c) { return c >= '0' && c <= '9'; }

    private Number number() {
        int start = i;
        if (s.charAt(i) == '-') i++;
        if (i >= s.length()) throw error("bad number");
        if (s.charAt(i) == '0') i++;
        else if (s.charAt(i) >= '1' && s.charAt(i) <= '9') { while (i < s.length() && digit(s.charAt(i))) i++; }
        else throw error("bad number");
        boolean integer = true;
        if (i < s.length() && s.charAt(i) == '.') {
            integer = false;
            i++;
            int d = i;
            while (i < s.length() && digit(s.charAt(i))) i++;
            if (i == d) throw error("bad number");
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            integer = false;
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            int d = i;
            while (i < s.length() && digit(s.charAt(i))) i++;
            if (i == d) throw error("bad number");
        }
        String t = s.substring(start, i);
        if (integer && t.length() < 19) return Long.parseLong(t);
        return Double.parseDouble(t);
    }

    // ---------------------------------------------------------------- writing

    /**
     * Serialises maps, lists, strings, numbers, booleans, null, float[] and double[]; indent 0 = compact.
     *
     * @param v      the value; map keys are written with {@link String#valueOf}, in the map's iteration order
     * @param indent spaces per nesting level; 0 or less writes everything on one line. Lists of numbers, booleans
     *               and nulls stay on one line either way
     * @return the JSON text, without a trailing newline
     * @throws IllegalArgumentException for a NaN or infinite number, or a value of another type (a programming
     *                                  error, not bad input)
     */
    public static String write(Object v, int indent) {
        StringBuilder b = new StringBuilder();
        write(b, v, indent, 0);
        return b.toString();
    }

    private static void write(StringBuilder b, Object v, int indent, int level) {
        if (v == null) { b.append("null"); return; }
        if (v instanceof String) { quote(b, (String) v); return; }
        if (v instanceof Boolean || v instanceof Long || v instanceof Integer || v instanceof Short) { b.append(v); return; }
        if (v instanceof Number) { number(b, ((Number) v).doubleValue()); return; }
        if (v instanceof float[]) {
            float[] a = (float[]) v;
            b.append('[');
            for (int k = 0; k < a.length; k++) { if (k > 0) b.append(indent > 0 ? ", " : ","); number(b, a[k]); }
            b.append(']');
            return;
        }
        if (v instanceof double[]) {
            double[] a = (double[]) v;
            b.append('[');
            for (int k = 0; k < a.length; k++) {
                if (k > 0) b.append(indent > 0 ? ", " : ",");
                if (!Double.isFinite(a[k])) throw new IllegalArgumentException("JSON cannot hold " + a[k]);
                b.append(a[k] == Math.rint(a[k]) && Math.abs(a[k]) < 1e15 ? Long.toString((long) a[k]) : Double.toString(a[k]));
            }
            b.append(']');
            return;
        }
        if (v instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) v;
            if (m.isEmpty()) { b.append("{}"); return; }
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) b.append(',');
                first = false;
                newline(b, indent, level + 1);
                quote(b, String.valueOf(e.getKey()));
                b.append(indent > 0 ? ": " : ":");
                write(b, e.getValue(), indent, level + 1);
            }
            newline(b, indent, level);
            b.append('}');
            return;
        }
        if (v instanceof List) {
            List<?> l = (List<?>) v;
            if (l.isEmpty()) { b.append("[]"); return; }
            boolean flat = l.stream().allMatch(x -> x == null || x instanceof Number || x instanceof Boolean);
            b.append('[');
            for (int k = 0; k < l.size(); k++) {
                if (k > 0) b.append(flat && indent > 0 ? ", " : ",");
                if (!flat) newline(b, indent, level + 1);
                write(b, l.get(k), indent, level + 1);
            }
            if (!flat) newline(b, indent, level);
            b.append(']');
            return;
        }
        throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
    }

    private static void newline(StringBuilder b, int indent, int level) {
        if (indent <= 0) return;
        b.append('\n');
        for (int k = 0; k < indent * level; k++) b.append(' ');
    }

    private static void number(StringBuilder b, double d) {
        if (!Double.isFinite(d)) throw new IllegalArgumentException("JSON cannot hold " + d);
        b.append(d); // a Double stays a Double on the way back
    }

    private static void number(StringBuilder b, float f) {
        if (!Float.isFinite(f)) throw new IllegalArgumentException("JSON cannot hold " + f);
        if (f == Math.rint(f) && Math.abs(f) < 1e7f) b.append((long) f);
        else b.append(f);
    }

    private static void quote(StringBuilder b, String str) {
        b.append('"');
        for (int k = 0; k < str.length(); k++) {
            char c = str.charAt(k);
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
            }
        }
        b.append('"');
    }
}
