package gfpose.sde;

/**
 * The VE SDE of score_sde: dx = σ(t)√(2 ln(σ_max/σ_min)) dw with σ(t) = σ_min (σ_max/σ_min)^t; m(t) = 1,
 * std(t) = σ(t) (score_sde's convention, which ignores the σ_min² already present at t = 0), prior N(0, σ_max² I).
 * Not used by GFPose; its σ range must suit the data (score_sde's image defaults σ_min 0.01, σ_max 50 are
 * offered by {@link #defaults()}; GFPose's network space spans about ±30).
 */
public final class VeSde extends Sde {
    private final double sigmaMin, sigmaMax;

    /**
     * A VE SDE on [0, 1] with a geometric σ schedule.
     *
     * @param sigmaMin σ(0) (&gt; 0)
     * @param sigmaMax σ(1), the prior's standard deviation (&gt; sigmaMin); should cover the data's spread
     * @param n        N, the number of discretisation steps (no effect on VE's coefficients)
     * @throws IllegalArgumentException if the σs are not 0 &lt; sigmaMin &lt; sigmaMax
     */
    public VeSde(double sigmaMin, double sigmaMax, int n) {
        super(n, 1.0);
        if (!(sigmaMin > 0) || !(sigmaMax > sigmaMin)) throw new IllegalArgumentException("bad VE sigmas");
        this.sigmaMin = sigmaMin;
        this.sigmaMax = sigmaMax;
    }

    /**
     * σ_min 0.01, σ_max 50 (score_sde's VE defaults; the same values as the checkpoint's unused `sigmas`), N 1000.
     *
     * @return a new VE SDE with those settings
     */
    public static VeSde defaults() { return new VeSde(0.01, 50.0, 1000); }

    /**
     * σ(t), the noise level: std(t) and the network's time label.
     *
     * @param t diffusion time in [0, 1]
     * @return σ_min (σ_max/σ_min)^t
     */
    public double sigma(double t) { return sigmaMin * Math.pow(sigmaMax / sigmaMin, t); }

    @Override public double meanCoeff(double t) { return 1.0; }

    @Override public double std(double t) { return sigma(t); }

    @Override public double driftCoeff(double t) { return 0.0; }

    // g² = dσ²/dt = 2 σ(t)² ln(σ_max/σ_min).
    @Override public double diffusion(double t) { return sigma(t) * Math.sqrt(2 * Math.log(sigmaMax / sigmaMin)); }

    @Override public double priorStd() { return sigmaMax; }

    @Override public double timeLabel(double t) { return sigma(t); }
}
