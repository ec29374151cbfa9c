/**
 * The arithmetic everything runs on: packed GEMM {@code y = x Wᵀ + b} with the Vector API (and its scalar oracle,
 * bit-identical across vector widths), the weight-gradient and input-gradient GEMMs of training, elementwise
 * activations, the row-splitting {@link gfpose.kernel.ThreadPool} and the per-sample random streams
 * ({@link gfpose.kernel.Rng}). Depends on nothing else in gfpose; the only package that touches
 * {@code jdk.incubator.vector}.
 */
package gfpose.kernel;
