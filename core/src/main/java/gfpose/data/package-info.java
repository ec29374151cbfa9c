/**
 * Human3.6M as released by 3d-pose-baseline: the .npy/.npz reader, cameras, the image-frame representation GFPose
 * trains on, the splits (train, test, the validation tail carved from the training subjects) and the dataset. Reads
 * the data where it lies ({@link gfpose.data.DataPaths}); never copies it. Uses {@code skeleton}, {@code kernel} and {@code io} (the cameras file is JSON).
 */
package gfpose.data;
