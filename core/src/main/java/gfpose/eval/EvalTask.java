package gfpose.eval;

import gfpose.GfposeException;
import java.util.Locale;

/** The evaluated GFPose task; decides what the condition and the observed flags are (spec §3.3). */
public enum EvalTask {
    /** 2-D to 3-D: condition (u, v, 0) from the chosen 2-D input. */
    ESTIMATE("estimate"),
    /** 2-D with missing joints: as estimate, the missing joints unobserved. */
    COMPLETE2D("complete2d"),
    /** 3-D with missing joints: condition the ground-truth image-frame pose, the missing joints unobserved. */
    COMPLETE3D("complete3d"),
    /** Denoising: condition the ground-truth image-frame pose plus Gaussian noise (pixels), all observed. */
    DENOISE("denoise"),
    /** Unconditional generation: zero condition, nothing observed; scored against the test pose. */
    GENERATE("generate");

    private final String cli;

    EvalTask(String cli) { this.cli = cli; }

    public String cliName() { return cli; }

    /** Parses a CLI name (also GFPose's short names est, comp2d, comp3d, den, gen). */
    public static EvalTask parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        switch (k) {
            case "est": return ESTIMATE;
            case "comp2d": return COMPLETE2D;
            case "comp3d": return COMPLETE3D;
            case "den": return DENOISE;
            case "gen": return GENERATE;
            default: break;
        }
        for (EvalTask t : values()) if (t.cli.equals(k)) return t;
        throw new GfposeException("--task: expected estimate, complete2d, complete3d, denoise or generate, got '" + s + "'");
    }
}
