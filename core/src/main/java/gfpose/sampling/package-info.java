/**
 * Running the reverse process: {@link gfpose.sampling.Sampler} with GFPoses predictor-corrector loop
 * ({@link gfpose.sampling.PcSampler}: Euler–Maruyama predictors, Langevin corrector, imputation hooks) and the
 * few-step solvers ({@link gfpose.sampling.DpmSolver}: DDIM and DPM-Solver++(2M) for the drift, SDE and
 * probability-flow processes; {@link gfpose.sampling.HeunSolver}); time grids and spacings. Every row draws only from
 * its own stream. Uses {@code sde} and {@code kernel}; knows nothing of poses.
 */
package gfpose.sampling;
