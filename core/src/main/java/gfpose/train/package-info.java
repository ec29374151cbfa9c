/**
 * Training the GFPose prior on the CPU: denoising score matching under the sub-VP SDE exactly as the reference
 * ({@code losses.get_sde_loss_fn}, continuous, ½·sum reduction), hierarchical condition masking, 3-D condition
 * swap, optional flip of condition and target together, Adam with linear warm-up, global-norm clipping and EMA.
 *
 * <p>Entry points: {@link gfpose.train.Trainer} (one step at a time; create, fine-tune or resume),
 * {@link gfpose.train.TrainingRun} (budgeted loop writing checkpoint, EMA weights, CSV log and SVG loss curve),
 * {@link gfpose.train.TrainingSource} (the data feed; {@link gfpose.train.H36mSource} for Human3.6M's training
 * subjects, {@link gfpose.train.SyntheticSource} for tests). Back-propagation lives in {@link gfpose.nn.TrainNet}.
 *
 * <p>Determinism: every per-sample draw (t, z, flip, condition kind, masks, dropout) comes from
 * {@code Rng.stream(seed, globalSampleIndex)}, the data order from (seed, epoch), and all reductions over the batch
 * run in a fixed order, so results are independent of the thread count and a resumed run is bit-identical.
 */
package gfpose.train;
