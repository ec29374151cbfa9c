/**
 * The five tasks on poses, one score network and one sampler with only the condition and its mask changing:
 * {@link gfpose.task.PosePrior} (estimate, complete 2-D/3-D, denoise, generate; warm and informed starts),
 * {@link gfpose.task.SampleOptions}, {@link gfpose.task.PoseSpace} (pixels to network space),
 * {@link gfpose.task.Consensus} (one answer and a spread per pose) and {@link gfpose.task.Lifter} (detector
 * keypoints to millimetres, with {@link gfpose.task.Framing}). Uses {@code sampling}, {@code sde}, {@code nn},
 * {@code kernel} and {@code skeleton}.
 */
package gfpose.task;
