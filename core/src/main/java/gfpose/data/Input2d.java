package gfpose.data;

import gfpose.GfposeException;
import java.util.Locale;

/** Which 2-D keypoints condition the network: the projected ground truth or the Stacked-Hourglass detections. */
public enum Input2d {
    GT, SH;

    /** Parses {@code gt} or {@code sh} (case-insensitive). */
    public static Input2d parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new GfposeException("--input: expected gt or sh, got '" + s + "'");
        }
    }

    public String label() { return this == GT ? "gt" : "sh (Stacked Hourglass, not fine-tuned)"; }
}
