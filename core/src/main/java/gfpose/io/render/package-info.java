/**
 * Skeleton pictures (three orthographic views, strips of frames, hypotheses with their consensus and spread) as SVG
 * or PNG, headless. Uses {@code skeleton} and {@code io}.
 */
package gfpose.io.render;
