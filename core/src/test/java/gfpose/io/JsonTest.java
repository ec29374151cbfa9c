package gfpose.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gfpose.GfposeException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    @SuppressWarnings("unchecked")
    void parsesNestedDocumentsAndRoundTrips() {
        String text = "{\"a\": [1, 2.5, -3e2, true, null], \"b\": {\"c\": \"x\\\"y\\u0041\"}, \"n\": 12345678901}";
        Object v = Json.parse(text, "t.json");
        Map<?, ?> m = (Map<?, ?>) v;
        assertThat((List<Object>) m.get("a")).containsExactly(1L, 2.5, -300.0, true, null);
        assertThat(((Map<?, ?>) m.get("b")).get("c")).isEqualTo("x\"yA");
        assertThat(m.get("n")).isEqualTo(12345678901L);
        assertThat(Json.parse(Json.write(v, 2), "again")).isEqualTo(v);
        assertThat(Json.parse(Json.write(v, 0), "again")).isEqualTo(v);
    }

    @Test
    void errorsNameSourceLineAndColumn() {
        assertThatThrownBy(() -> Json.parse("{\n  \"a\": [1, 2,]\n}", "pose.json"))
                .isInstanceOf(GfposeException.class)
                .hasMessage("pose.json: malformed JSON at line 2, column 14: unexpected character ']'");
        assertThatThrownBy(() -> Json.parse("{\"a\": 1} x", "f")).hasMessageContaining("unexpected text after");
        assertThatThrownBy(() -> Json.parse("{\"a\": 1, \"a\": 2}", "f")).hasMessageContaining("duplicate key \"a\"");
        assertThatThrownBy(() -> Json.parse("[NaN]", "f")).hasMessageContaining("unexpected character 'N'");
        assertThatThrownBy(() -> Json.parse("\"abc", "f")).hasMessageContaining("unterminated string");
    }

    @Test
    void writesFloatArraysAndRefusesNonFinite() {
        assertThat(Json.write(new float[] {1f, 0.5f}, 0)).isEqualTo("[1,0.5]");
        assertThatThrownBy(() -> Json.write(new double[] {Double.NaN}, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invisibleCharactersAreNamedByTheirCodePoint() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Json.parse("\uFEFF{}", "bom.json"))
                .hasMessageContaining("a byte-order mark (BOM); save the file as UTF-8 without one");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Json.parse("{\"a\": \u200B1}", "zw.json"))
                .hasMessageContaining("unexpected invisible character U+200B");
    }

    @Test
    void digitsAreAsciiOnly() {
        // found by ParserFuzzTest: Character.isDigit let Arabic-Indic digits into Double.parseDouble (exit 3)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Json.parse("-1.5e-3\u06641", "n.json"))
                .isInstanceOf(GfposeException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Json.parse("[1\u0664]", "n.json")).isInstanceOf(GfposeException.class);
    }
}
