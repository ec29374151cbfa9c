package gfpose.train;

/**
 * What one optimiser step did.
 *
 * @param step     steps done after this one
 * @param loss     mean denoising loss of the batch
 * @param lr       learning rate used
 * @param gradNorm global gradient norm before clipping
 */
public record StepStats(long step, double loss, double lr, double gradNorm) {}
