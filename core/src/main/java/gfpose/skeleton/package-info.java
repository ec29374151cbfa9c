/**
 * The Human3.6M 17-joint skeleton: joint order and names, bones, parts, left/right mirror; rotations, Euler angles and
 * forward kinematics for BVH; {@link gfpose.skeleton.Keypoints2D}, a 2-D detection of the skeleton. Uses nothing but
 * {@link gfpose.GfposeException}.
 */
package gfpose.skeleton;
