/**
 * gfpose: GFPose, a learned 3-D human pose prior, on the JVM. The API starts at {@link gfpose.task.PosePrior}.
 * Exported to everyone: the tasks and their inputs and outputs ({@code task}, {@code skeleton}, {@code io},
 * {@code io.render}) and the engine beneath them for those who plug in their own score model or sampler
 * ({@code sampling}, {@code sde}, {@code nn}, {@code kernel}). Evaluation, training and the Human3.6M readers serve
 * the command line and are exported to it only.
 */
module gfpose.core {
    requires jdk.incubator.vector;          // the SIMD kernels (on the class path without it, the scalar kernels run)
    requires transitive java.desktop;       // pictures (io.render returns java.awt.image.BufferedImage)

    exports gfpose;
    exports gfpose.task;
    exports gfpose.skeleton;
    exports gfpose.io;
    exports gfpose.io.render;
    exports gfpose.sampling;
    exports gfpose.sde;
    exports gfpose.nn;
    exports gfpose.kernel;

    exports gfpose.eval to gfpose.cli;
    exports gfpose.train to gfpose.cli;
    exports gfpose.data to gfpose.cli;
}
