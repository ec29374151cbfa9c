/**
 * The shipped GFPose model: no code, only {@code META-INF/gfpose/gfpose.safetensors} and its model card, which
 * {@code gfpose.task.PosePrior.load()} reads from the class or module path.
 */
module gfpose.weights {
}
