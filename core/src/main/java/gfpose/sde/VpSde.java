package gfpose.sde;

/**
 * The VP SDE of score_sde: dx = −½β(t) x dt + √β(t) dw; m(t) as sub-VP, std(t) = √(1 − m(t)²); prior N(0, I).
 */
public final class VpSde extends Sde {
    private final double betaMin, betaMax;

    /**
     * A VP SDE on [0, 1] with a linear β schedule.
     *
     * @param betaMin β(0) (score_sde: 0.1)
     * @param betaMax β(1) (score_sde: 20)
     * @param n       N, the number of discretisation steps; only the discrete β_i of {@link #langevinAlpha}
     *                depend on it
     */
    public VpSde(double betaMin, double betaMax, int n) {
        super(n, 1.0);
        this.betaMin = betaMin;
        this.betaMax = betaMax;
    }

    /**
     * score_sde's defaults: β 0.1..20, N 1000.
     *
     * @return a new VP SDE with those settings
     */
    public static VpSde defaults() { return new VpSde(0.1, 20.0, 1000); }

    /**
     * β(t), the noise rate of the linear schedule.
     *
     * @param t diffusion time in [0, 1]
     * @return β_min + t(β_max − β_min)
     */
    public double beta(double t) { return betaMin + t * (betaMax - betaMin); }

    private double logMean(double t) { return -0.25 * t * t * (betaMax - betaMin) - 0.5 * t * betaMin; }

    @Override public double meanCoeff(double t) { return Math.exp(logMean(t)); }

    @Override public double std(double t) { return Math.sqrt(-Math.expm1(2 * logMean(t))); }

    @Override public double driftCoeff(double t) { return -0.5 * beta(t); }

    @Override public double diffusion(double t) { return Math.sqrt(beta(t)); }

    @Override public double diffusionSq(double t) { return beta(t); }

    @Override public double priorStd() { return 1.0; }

    @Override public double timeLabel(double t) { return 999.0 * t; }

    @Override public double langevinAlpha(double t) { return discreteAlpha(t, betaMin, betaMax, N(), T()); }
}
