package gfpose.sampling;

/**
 * The samplers offered to users: GFPose's four (Euler steps, about 1000 of them) and the few-step solvers, which
 * integrate the same three reverse processes in 5-50 steps: {@code ddim}/{@code dpm2m} ≈ {@link #DETERMINISTIC},
 * {@code ddim-ode}/{@code dpm2m-ode}/{@code heun} ≈ {@link #ODE}, {@code ddim-sde}/{@code dpm2m-sde} ≈ {@link #SDE};
 * {@code dpm3m}/{@code dpm3m-sde} are the third-order variants of {@code dpm2m}/{@code dpm2m-sde}.
 */
public enum SamplerKind {
    /** Reverse-SDE Euler–Maruyama (stochastic; GFPose's multi-hypothesis sampler). */
    SDE,
    /** GFPose's "--pflow": reverse-SDE drift (factor 1), no noise. Deterministic given x_T; mode-seeking. */
    DETERMINISTIC,
    /** The true probability-flow ODE (drift factor 1/2), Euler steps. */
    ODE,
    /** Predictor-corrector: Euler–Maruyama plus a Langevin corrector (snr configurable). */
    PC,
    /** {@link #DETERMINISTIC}'s process by DDIM (first-order exponential integrator), one network call per step. */
    DDIM,
    /** {@link #DETERMINISTIC}'s process by DPM-Solver++(2M), second-order multistep, one network call per step. */
    DPM2M,
    /** The probability-flow ODE by DDIM. */
    DDIM_ODE,
    /** The probability-flow ODE by DPM-Solver++(2M). */
    DPM2M_ODE,
    /** The probability-flow ODE by Heun's method (EDM), two network calls per step. */
    HEUN,
    /** The reverse SDE by SDE-DPM-Solver++ of order 1 (DDIM with fresh noise). */
    DDIM_SDE,
    /** The reverse SDE by SDE-DPM-Solver++(2M): the stochastic few-step sampler for diverse hypotheses. */
    DPM2M_SDE,
    /** {@link #DETERMINISTIC}'s process by DPM-Solver++(3M), third-order multistep, one network call per step. */
    DPM3M,
    /** The reverse SDE by SDE-DPM-Solver++(3M). */
    DPM3M_SDE;

    /**
     * Whether the sample depends on noise beyond x_T.
     *
     * @return true for {@link #SDE}, {@link #PC}, {@link #DDIM_SDE}, {@link #DPM2M_SDE} and {@link #DPM3M_SDE}
     */
    public boolean stochastic() { return this == SDE || this == PC || this == DDIM_SDE || this == DPM2M_SDE || this == DPM3M_SDE; }

    /**
     * Whether this is a few-step solver (knots from a {@link TimeSpacing}, landing on t_end) rather than the PC loop.
     *
     * @return true for {@link #DDIM} and every constant after it, false for GFPose's four PC kinds
     */
    public boolean solver() { return ordinal() >= DDIM.ordinal(); }

    /**
     * Network evaluations for {@code steps} steps ({@code correctorSteps} Langevin steps each for PC).
     *
     * @param steps          number of grid steps ({@link TimeGrid#steps()})
     * @param correctorSteps Langevin steps per predictor step; ignored unless this is {@link #PC}
     * @return the number of score evaluations a batch costs: steps, 2·steps for {@link #HEUN},
     *         steps·(1 + correctorSteps) for {@link #PC}
     */
    public long nfe(int steps, int correctorSteps) {
        return this == HEUN ? 2L * steps : this == PC ? (long) steps * (1 + correctorSteps) : steps;
    }

    /**
     * The name users type ({@code dpm2m-sde}).
     *
     * @return the constant's name in lower case with '-' for '_'
     */
    public String cliName() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }
}
