package gfpose.sampling;

/** The samplers offered to users. */
public enum SamplerKind {
    /** Reverse-SDE Euler–Maruyama (stochastic; GFPose's multi-hypothesis sampler). */
    SDE,
    /** GFPose's "--pflow": reverse-SDE drift (factor 1), no noise. Deterministic given x_T. */
    DETERMINISTIC,
    /** The true probability-flow ODE (drift factor 1/2), Euler steps. */
    ODE,
    /** Predictor-corrector: Euler–Maruyama plus a Langevin corrector (snr configurable). */
    PC
}
