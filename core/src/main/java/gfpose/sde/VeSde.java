package gfpose.sde;

/**
 * The VE SDE of score_sde: dx = σ(t)√(2 ln(σ_max/σ_min)) dw with σ(t) = σ_min (σ_max/σ_min)^t; m(t) = 1,
 * std(t) = σ(t) (score_sde's convention, which ignores the σ_min² already present at t = 0), prior N(0, σ_max² I).
 * Not used by GFPose; its σ range must suit the data (score_sde's image defaults σ_min 0.01, σ_max 50 are
 * offered by {@link #defaults()}; GFPose's network space spans about ±30).
 */
public final class VeSde extends Sde {
    private final double sigmaMin, sigmaMax;

    public VeSde(double sigmaMin, double sigmaMax, int n) {
        super(n, 1.0);
        if (!(sigmaMin > 0) || !(sigmaMax > sigmaMin)) throw new IllegalArgumentException("bad VE sigmas");
        this.sigmaMin = sigmaMin;
        this.sigmaMax = sigmaMax;
    }

    /** σ_min 0.01, σ_max 50 (score_sde's VE defaults; the same values as the checkpoint's unused `sigmas`), N 1000. */
    public static VeSde defaults() { return new VeSde(0.01, 50.0, 1000); }

    public double sigma(double t) { return sigmaMin * Math.pow(sigmaMax / sigmaMin, t); }

    @Override public double meanCoeff(double t) { return 1.0; }

    @Override public double std(double t) { return sigma(t); }

    @Override public double driftCoeff(double t) { return 0.0; }

    // g² = dσ²/dt = 2 σ(t)² ln(σ_max/σ_min).
    @Override public double diffusion(double t) { return sigma(t) * Math.sqrt(2 * Math.log(sigmaMax / sigmaMin)); }

    @Override public double priorStd() { return sigmaMax; }

    @Override public double timeLabel(double t) { return sigma(t); }
}
