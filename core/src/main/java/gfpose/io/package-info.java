/**
 * File formats, read strictly and written atomically: safetensors, JSON, BVH, keypoint tracks and COCO files; every
 * text input through {@link gfpose.io.TextFile} (strict UTF-8, size-bounded), every output through
 * {@link gfpose.io.AtomicFile} (a temporary file and a rename, several outputs all or none). Pictures are in
 * {@code io.render}. Uses {@code skeleton} and {@code kernel}.
 */
package gfpose.io;
