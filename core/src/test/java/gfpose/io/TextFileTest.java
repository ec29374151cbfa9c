package gfpose.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gfpose.GfposeException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFileTest {
    @TempDir Path dir;

    @Test
    void anEndlessStreamStopsAtTheLimitWithAOneLineError() {
        InputStream zeros = new InputStream() {  // like /dev/zero
            @Override public int read() { return 0; }
            @Override public int read(byte[] b, int off, int len) { java.util.Arrays.fill(b, off, off + len, (byte) 0); return len; }
        };
        assertThatThrownBy(() -> TextFile.read(zeros, "/dev/zero")).isInstanceOf(GfposeException.class)
                .hasMessage("/dev/zero: larger than 64 MiB, the limit for text inputs; split it into smaller files");
    }

    @Test
    void filesAreStrictUtf8AndNamedInErrors() throws Exception {
        Path ok = dir.resolve("ok.json");
        Files.writeString(ok, "{\"a\": \"é\"}");
        assertThat(TextFile.read(ok)).isEqualTo("{\"a\": \"é\"}");
        Path bad = dir.resolve("bad.json");
        Files.write(bad, new byte[] {'{', (byte) 0xff, '}'});
        assertThatThrownBy(() -> TextFile.read(bad)).hasMessage(bad + ": not UTF-8 text");
        assertThatThrownBy(() -> TextFile.read(dir.resolve("none.json"))).hasMessage(dir.resolve("none.json") + ": no such file");
        assertThatThrownBy(() -> TextFile.read(dir)).hasMessage(dir + ": is a directory, expected a file");
        assertThat(TextFile.read(new ByteArrayInputStream(new byte[TextFile.MAX_BYTES]), "max")).hasSize(TextFile.MAX_BYTES);
    }
}
