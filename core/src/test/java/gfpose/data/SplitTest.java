package gfpose.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gfpose.GfposeException;
import org.junit.jupiter.api.Test;

/** The validation tail: FIT and VAL partition every training sequence; TRAIN and TEST keep every frame. */
class SplitTest {
    @Test
    void fitAndValPartitionEverySequence() {
        for (int n : new int[] {1, 2, 9, 10, 11, 999, 1000, 1001, 2446, 5000}) {
            assertThat(Split.FIT.firstFrame(n)).isZero();
            assertThat(Split.FIT.endFrame(n)).isEqualTo(Split.VAL.firstFrame(n));
            assertThat(Split.VAL.endFrame(n)).isEqualTo(n);
            int val = n - Split.VAL.firstFrame(n);
            assertThat(val).isEqualTo((int) Math.ceil(n * Split.VAL_FRACTION)).isPositive();
            for (Split s : new Split[] {Split.TRAIN, Split.TEST}) {
                assertThat(s.firstFrame(n)).isZero();
                assertThat(s.endFrame(n)).isEqualTo(n);
            }
        }
        assertThat(Split.FIT.subjects()).isEqualTo(Split.TRAIN.subjects()).isEqualTo(Split.VAL.subjects());
        assertThat(Split.VAL.subjects()).doesNotContain("S9", "S11");
    }

    @Test
    void parsesNamesAndRejectsOthers() {
        assertThat(Split.parse(" Val ")).isEqualTo(Split.VAL);
        assertThat(Split.parse("test")).isEqualTo(Split.TEST);
        assertThatThrownBy(() -> Split.parse("s9")).isInstanceOf(GfposeException.class).hasMessageContaining("'s9'");
    }
}
