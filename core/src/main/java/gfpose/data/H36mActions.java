package gfpose.data;

import java.util.List;
import java.util.Locale;

/** The 15 Human3.6M actions (GFPose / LCN ids 2..16 in this order) and the mapping from sequence names. */
public final class H36mActions {
    private H36mActions() {}

    /** Canonical names, index 0 = action id 2. */
    public static final List<String> NAMES = List.of("Directions", "Discussion", "Eating", "Greeting", "Phoning",
            "Posing", "Purchases", "Sitting", "SittingDown", "Smoking", "Photo", "Waiting", "Walking", "WalkDog",
            "WalkTogether");

    /**
     * The canonical action of a sequence name such as {@code "Walking 1"}, {@code "TakingPhoto"} or
     * {@code "WalkingDog 1"}: the trailing sub-action number is dropped and known aliases are folded.
     *
     * @throws IllegalArgumentException for a name that is no Human3.6M action
     */
    public static String canonical(String sequenceName) {
        String base = sequenceName.trim().replaceFirst("\\s+\\d+$", "");
        String key = base.toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "");
        switch (key) {
            case "takingphoto": case "photo": return "Photo";
            case "walkdog": case "walkingdog": return "WalkDog";
            case "walktogether": case "walkingtogether": return "WalkTogether";
            case "phoning": case "phone": return "Phoning";
            default: break;
        }
        for (String n : NAMES) if (n.toLowerCase(Locale.ROOT).equals(key)) return n;
        throw new IllegalArgumentException("unknown Human3.6M action '" + sequenceName + "'");
    }

    /** Index 0..14 of a canonical action name. */
    public static int index(String canonical) {
        int i = NAMES.indexOf(canonical);
        if (i < 0) throw new IllegalArgumentException("unknown Human3.6M action '" + canonical + "'");
        return i;
    }
}
