package gfpose.skeleton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SkeletonTest {
    @Test
    void parentsFormATreeRootedAtPelvis() {
        for (int j = 1; j < Skeleton.JOINTS; j++) {
            int p = j, steps = 0;
            while (p != Skeleton.PELVIS) { p = Skeleton.parent(p); steps++; }
            assertThat(steps).isBetween(1, 5);
        }
        assertThat(Skeleton.parent(Skeleton.PELVIS)).isEqualTo(-1);
    }

    @Test
    void mirrorSwapsLeftAndRightAndIsAnInvolution() {
        int[] l = Skeleton.left(), r = Skeleton.right();
        for (int i = 0; i < l.length; i++) assertThat(Skeleton.mirror(l[i])).isEqualTo(r[i]);
        for (int j = 0; j < Skeleton.JOINTS; j++) assertThat(Skeleton.mirror(Skeleton.mirror(j))).isEqualTo(j);
    }

    @Test
    void partsCoverEveryJointOnce() {
        int[] seen = new int[Skeleton.JOINTS];
        for (int p = 0; p < Skeleton.partCount(); p++) for (int j : Skeleton.part(p)) seen[j]++;
        assertThat(seen).containsOnly(1);
    }

    @Test
    void namesAndIndicesResolve() {
        assertThat(Skeleton.index("L_Wrist")).isEqualTo(13);
        assertThat(Skeleton.index("r-knee")).isEqualTo(2);
        assertThat(Skeleton.index("16")).isEqualTo(16);
        assertThatThrownBy(() -> Skeleton.index("tail")).hasMessageContaining("unknown joint 'tail'");
        assertThatThrownBy(() -> Skeleton.index("17")).hasMessageContaining("unknown joint '17'");
    }
}
