package gfpose.eval;

import gfpose.GfposeException;
import gfpose.kernel.Rng;
import gfpose.skeleton.Skeleton;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Which joints a completion task hides: a fixed list ({@code "1,2,3"}, names allowed) or {@code random:K},
 * K distinct joints per pose drawn uniformly from the 8 limb joints ({@code --randj}) with a per-pose stream.
 */
public final class MissingJoints {
    private final int[] fixed;
    private final int random;

    private MissingJoints(int[] fixed, int random) {
        this.fixed = fixed;
        this.random = random;
    }

    /** No joint missing. */
    public static MissingJoints none() { return new MissingJoints(new int[0], 0); }

    /** Parses {@code ""}/null (none), {@code "random:K"} or a comma-separated joint list. */
    public static MissingJoints parse(String spec) {
        if (spec == null || spec.isBlank()) return none();
        String s = spec.trim();
        if (s.startsWith("random:")) {
            int k;
            try { k = Integer.parseInt(s.substring(7).trim()); } catch (NumberFormatException e) { k = -1; }
            if (k < 0 || k > 8) throw new GfposeException("--missing: random:K needs K in 0..8, got '" + s + "'");
            return new MissingJoints(new int[0], k);
        }
        try {
            int[] j = Arrays.stream(s.split(",")).map(String::trim).mapToInt(Skeleton::index).distinct().sorted().toArray();
            return new MissingJoints(j, 0);
        } catch (IllegalArgumentException e) {
            throw new GfposeException("--missing: " + e.getMessage());
        }
    }

    /** Per-joint missing flags for the pose with stream {@code rng}. */
    public boolean[] draw(Rng rng) {
        boolean[] m = new boolean[Skeleton.JOINTS];
        for (int j : fixed) m[j] = true;
        if (random > 0) {
            int[] limbs = Skeleton.limbJoints();
            for (int i = 0; i < random; i++) { // partial Fisher-Yates: K distinct limb joints
                int r = i + rng.nextInt(limbs.length - i);
                int t = limbs[i]; limbs[i] = limbs[r]; limbs[r] = t;
                m[limbs[i]] = true;
            }
        }
        return m;
    }

    public boolean isNone() { return fixed.length == 0 && random == 0; }

    /** The spec as written in reports: {@code none}, {@code random:2 of limb joints} or joint names. */
    public String describe() {
        if (random > 0) return "random:" + random + " of limb joints " + Arrays.toString(Skeleton.limbJoints());
        if (fixed.length == 0) return "none";
        return Arrays.stream(fixed).mapToObj(Skeleton::name).collect(Collectors.joining(","));
    }
}
