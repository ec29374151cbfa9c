package gfpose.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gfpose.GfposeException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @Test
    void replacesRegularFilesAndRefusesEverythingElse(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.json");
        AtomicFile.writeString(f, "one");
        AtomicFile.writeString(f, "two");
        assertThat(Files.readString(f)).isEqualTo("two");

        Path link = dir.resolve("link.json");
        Files.createSymbolicLink(link, f);
        assertThatThrownBy(() -> AtomicFile.writeString(link, "three")).isInstanceOf(GfposeException.class)
                .hasMessageContaining("link.json").hasMessageContaining("symbolic link");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(f)).isEqualTo("two");

        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertThatThrownBy(() -> AtomicFile.writeString(sub, "x")).isInstanceOf(GfposeException.class).hasMessageContaining("folder");
        assertThat(Files.isDirectory(sub)).isTrue();

        Path devNull = Path.of("/dev/null");
        if (Files.exists(devNull)) {
            assertThatThrownBy(() -> AtomicFile.writeString(devNull, "x")).isInstanceOf(GfposeException.class)
                    .hasMessageContaining("/dev/null").hasMessageContaining("not a regular file");
            assertThat(Files.isRegularFile(devNull)).isFalse();
        }
        try (var s = Files.list(dir)) { // no temporary file left behind
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.json", "link.json", "sub");
        }
    }
}
