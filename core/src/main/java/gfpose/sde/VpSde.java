package gfpose.sde;

/**
 * The VP SDE of score_sde: dx = −½β(t) x dt + √β(t) dw; m(t) as sub-VP, std(t) = √(1 − m(t)²); prior N(0, I).
 */
public final class VpSde extends Sde {
    private final double betaMin, betaMax;

    public VpSde(double betaMin, double betaMax, int n) {
        super(n, 1.0);
        this.betaMin = betaMin;
        this.betaMax = betaMax;
    }

    /** score_sde's defaults: β 0.1..20, N 1000. */
    public static VpSde defaults() { return new VpSde(0.1, 20.0, 1000); }

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
