package gfpose.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class H36mActionsTest {
    @Test
    void mapsSequenceNamesAndAliasesToTheFifteenActions() {
        assertThat(H36mActions.NAMES).hasSize(15);
        assertThat(H36mActions.canonical("Walking 1")).isEqualTo("Walking");
        assertThat(H36mActions.canonical("Walking")).isEqualTo("Walking");
        assertThat(H36mActions.canonical("TakingPhoto 1")).isEqualTo("Photo");
        assertThat(H36mActions.canonical("Photo 2")).isEqualTo("Photo");
        assertThat(H36mActions.canonical("WalkingDog")).isEqualTo("WalkDog");
        assertThat(H36mActions.canonical("WalkDog 1")).isEqualTo("WalkDog");
        assertThat(H36mActions.canonical("WalkTogether 2")).isEqualTo("WalkTogether");
        assertThat(H36mActions.canonical("SittingDown 1")).isEqualTo("SittingDown");
        assertThat(H36mActions.canonical("Sitting 1")).isEqualTo("Sitting");
        assertThatThrownBy(() -> H36mActions.canonical("Dancing")).hasMessageContaining("Dancing");
    }

    @Test
    void splitsFollowTheStandardProtocol() {
        Sequence s11dir = Sequence.parse("S11/Directions 1");
        assertThat(Split.TEST.contains(s11dir)).isFalse();
        assertThat(Split.TEST.contains(Sequence.parse("S9/Directions 1"))).isTrue();
        assertThat(Split.TRAIN.contains(Sequence.parse("S1/Directions"))).isTrue();
        assertThat(Split.TRAIN.contains(Sequence.parse("S9/Walking"))).isFalse();
        assertThat(Sequence.parse("S9/Walking 1").compareTo(Sequence.parse("S11/Directions"))).isNegative();
    }
}
