package gfpose.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void drawsThrottledBarWithRateAndEta() {
        long[] now = {0};
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(buf, true, StandardCharsets.UTF_8), "eval", 1000, () -> now[0]);
        now[0] = 1_000_000_000L;
        p.update(10, 100); // first update is drawn
        now[0] += 100_000_000L;
        p.update(20, 100); // within the throttle: skipped
        now[0] = 2_000_000_000L;
        p.update(50, 100);
        now[0] = 2_100_000_000L;
        p.update(100, 100); // the end is always drawn
        String s = buf.toString(StandardCharsets.UTF_8);
        assertThat(s.split("\r", -1)).hasSize(4);
        assertThat(s).contains("eval [###").contains("10/100").doesNotContain("20/100").contains("50/100")
                .contains("25.0/s").contains("ETA 00:02").endsWith(System.lineSeparator());
        assertThat(Progress.line(0, 0, 0)).contains("0/0");
        assertThat(Progress.clock(3725)).isEqualTo("1:02:05");
    }

    @Test
    void offATerminalItWritesPlainLinesWithoutCarriageReturns() {
        long[] now = {0};
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(buf, true, StandardCharsets.UTF_8), "eval", 30_000, () -> now[0], false);
        now[0] = 1_000_000_000L;
        p.update(10, 100);
        now[0] += 10_000_000_000L;
        p.update(20, 100); // within 30 s: skipped
        now[0] += 30_000_000_000L;
        p.update(60, 100);
        p.update(100, 100);
        String s = buf.toString(StandardCharsets.UTF_8);
        assertThat(s).doesNotContain("\r").contains("10/100").doesNotContain("20/100").contains("60/100").contains("100/100");
        assertThat(s.split(System.lineSeparator())).hasSize(3);
    }

    @Test
    void aJobThatEndsWithinASecondLeavesNoTrace() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(buf, true, StandardCharsets.UTF_8), "estimate", true);
        p.update(5, 12);
        p.update(12, 12);
        assertThat(buf.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
