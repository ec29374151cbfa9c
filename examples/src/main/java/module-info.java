/** A program that embeds the library: lifts 2-D keypoints to 3-D with the shipped model. */
module gfpose.examples {
    requires gfpose.core;
    requires gfpose.weights; // resolves the shipped model's jar on the module path
}
