/**
 * Evaluation on Human3.6M: MPJPE, PA-MPJPE (either Procrustes variant), PCK/AUC, errors on missing and observed joints,
 * action-wise aggregation, {@link gfpose.eval.Evaluator} over a {@link gfpose.eval.PoseModel}, generation metrics
 * and progress reporting. May use every package.
 */
package gfpose.eval;
