/**
 * The forward diffusions (sub-VP, GFPoses; VP; VE) as one abstraction, {@link gfpose.sde.Sde}: m(t), std(t), drift,
 * diffusion, λ(t), the prior; and {@link gfpose.sde.NetworkScore}, the network turned into a score −ε/std(t). Uses
 * {@code nn} and {@code kernel}.
 */
package gfpose.sde;
