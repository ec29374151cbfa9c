package gfpose.examples;

import gfpose.io.CocoKeypoints;
import gfpose.io.KeypointOptions;
import gfpose.skeleton.Keypoints2D;
import gfpose.skeleton.Skeleton;
import gfpose.task.Consensus;
import gfpose.task.Lifter;
import gfpose.task.PosePrior;
import gfpose.task.SampleOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * Lifts the people of a COCO keypoint file to 3-D with the shipped model and prints each joint in root-relative
 * camera millimetres with its spread over 50 hypotheses. Without an argument it lifts the synthetic walker of
 * {@code examples/person.json} (made by {@code examples/make_person.py}, no dataset involved).
 * <p>
 * Needs only {@code gfpose-core} and {@code gfpose-weights}; run with {@code --add-modules jdk.incubator.vector}
 * for the fast kernels (on the module path the core module requires it).
 */
public final class LiftPerson {
    /** The walker of examples/person.json: COCO-17 keypoints (u, v, confidence) (pixels of a 1280 x 720 image). */
    private static final String WALKER = "[{\"image_id\": 1, \"category_id\": 1, \"score\": 0.97, \"keypoints\": ["
            + "717.6, 223.9, 0.9, 722.8, 216.9, 0.9, 709.0, 215.9, 0.9, 721.2, 223.2, 0.9, 691.9, 221.2, 0.9, "
            + "741.2, 261.7, 0.9, 670.9, 258.3, 0.9, 735.9, 321.1, 0.9, 675.3, 318.3, 0.9, 733.0, 373.9, 0.1, "
            + "683.7, 371.7, 0.9, 726.0, 371.0, 0.9, 687.0, 371.2, 0.9, 743.5, 466.2, 0.9, 671.4, 461.7, 0.9, "
            + "752.8, 567.9, 0.9, 643.9, 522.9, 0.9]}]";

    private LiftPerson() {}

    public static void main(String[] args) {
        List<CocoKeypoints.Person> found = args.length > 0
                ? CocoKeypoints.read(Path.of(args[0]), KeypointOptions.DEFAULT)
                : CocoKeypoints.parse(WALKER, "built-in walker", KeypointOptions.DEFAULT);
        List<Keypoints2D> people = found.stream().map(CocoKeypoints.Person::keypoints).toList();
        try (PosePrior prior = PosePrior.load()) { // the model of gfpose-weights
            System.out.println("backend " + PosePrior.backend());
            SampleOptions many = SampleOptions.defaults().stochastic().withHypotheses(50).withSeed(1);
            List<Lifter.Lifted> lifted = Lifter.lift(prior, people, null, many);
            for (int i = 0; i < lifted.size(); i++) {
                Consensus c = Consensus.of(lifted.get(i).mm());
                System.out.printf("person %d: joint, x y z (mm, root-relative camera frame), spread (mm)%n", i);
                for (int j = 0; j < Skeleton.JOINTS; j++) {
                    System.out.printf("  %-10s %7.1f %7.1f %7.1f  %5.1f%n", Skeleton.name(j),
                            c.pose()[3 * j], c.pose()[3 * j + 1], c.pose()[3 * j + 2], c.spread()[j]);
                }
            }
        }
    }
}
