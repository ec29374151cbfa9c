/**
 * The score network GFPose calls {@code ScoreModelFC_Adv}: {@link gfpose.nn.ScoreNet} (inference, readable top to
 * bottom), its layers, {@link gfpose.nn.ModelConfig} and the safetensors layout ({@link gfpose.nn.ScoreNetFile}),
 * and {@link gfpose.nn.TrainNet} (forward with cache and back-propagation for training). Uses {@code kernel}, and
 * {@code io} for the weight files.
 */
package gfpose.nn;
