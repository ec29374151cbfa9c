package gfpose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported API's Javadoc is complete and well-formed: javadoc over the module (which documents the exported
 * packages only) reports no warning and no error. The one warning JDK 17 cannot switch off, that the module uses
 * an incubating module (the Vector API), is not about the documentation and is left out.
 */
class ApiDocTest {
    @Test
    void exportedApiHasNoJavadocWarnings(@TempDir Path out) {
        ToolProvider javadoc = ToolProvider.findFirst("javadoc").orElseThrow();
        Path src = Path.of("src/main/java");
        assertThat(src.resolve("module-info.java")).exists();
        StringWriter log = new StringWriter();
        PrintWriter w = new PrintWriter(log);
        int rc = javadoc.run(w, w, "-d", out.toString(), "-quiet", "-Xmaxwarns", "100000", "-Xmaxerrs", "100000",
                "--module-source-path", "gfpose.core=" + src, "--module", "gfpose.core");
        w.flush();
        List<String> problems = log.toString().lines()
                .filter(l -> l.contains("warning:") || l.contains("error:"))
                .filter(l -> !l.contains("using incubating module(s)"))
                .toList();
        assertThat(problems).as("javadoc of the exported API").isEmpty();
        assertThat(rc).isZero();
        assertThat(out.resolve("gfpose.core/gfpose/task/PosePrior.html")).exists();
    }
}
