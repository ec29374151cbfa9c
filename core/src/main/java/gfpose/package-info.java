/**
 * gfpose: GFPose (a learned 3-D human pose prior) on the JVM. Start at {@link gfpose.task.PosePrior}; the package map
 * and the path from the command line to the kernel are in DEVELOPERS.md. {@link gfpose.GfposeException} is the one
 * user-facing error type: one line naming the file, field or joint.
 */
package gfpose;
