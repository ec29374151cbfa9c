package gfpose.task;

import gfpose.GfposeException;
import gfpose.skeleton.Keypoints2D;
import gfpose.skeleton.Skeleton;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Detector keypoints to 3-D poses in millimetres: framing into GFPose's 1000-px frame ({@link Framing}),
 * {@link PosePrior#estimate} for every person and hypothesis in one batch (missing joints are completed), the
 * inverse framing back to the source image, and the conversion to millimetres.
 *
 * <p><b>Millimetres.</b> The framed pose is read through a virtual pinhole camera: focal length
 * {@link Framing#FOCAL}, principal point ({@link Framing#CX}, {@link Framing#CY}), and the person's pelvis at
 * depth {@link #ROOT_DEPTH_MM} = FOCAL / PX_PER_MM, the depth at which a training-sized person appears with the
 * apparent size framing gave it. So GFPose's depth ratio (px per mm at the root) is PX_PER_MM and
 * {@code Z = z / PX_PER_MM + Z_root}, {@code X = (u - CX) Z / FOCAL}, {@code Y = (v - CY) Z / FOCAL} (as
 * {@code data.ImageFrame.toCamera}). The result is made root-relative: camera axes (x right, y down, z away from
 * the camera), pelvis at the origin. Framing normalises the person's size, so the result does not depend on the
 * image size, on where the person stands in the image or on how large they appear; the absolute position
 * (root trajectory) is not recovered.
 */
public final class Lifter {
    private Lifter() {}

    /** Depth of the virtual camera's pelvis, mm (about 5 m, the mean Human3.6M root depth). */
    public static final double ROOT_DEPTH_MM = Framing.FOCAL / Framing.PX_PER_MM;

    /**
     * One lifted person; arrays are {@code [hypothesis][51]}, joint-major.
     *
     * @param input   the keypoints as given, in the source image's pixels
     * @param framing the transform from the source image into GFPose's frame
     * @param framed  hypotheses in GFPose's 1000 x 1000 image frame (the network's own output)
     * @param image   hypotheses in the source image frame: u, v in its pixels, root-relative depth in those pixels
     * @param mm      hypotheses in root-relative camera millimetres (see the class comment)
     */
    public record Lifted(Keypoints2D input, FramingTransform framing, float[][] framed, float[][] image, float[][] mm) {}

    /**
     * {@link #lift(PosePrior, List, FramingIntrinsics, SampleOptions, IntFunction)} naming poses "pose i".
     *
     * @param prior  the model
     * @param people keypoints of each person, in the pixels of the source image
     * @param camera the source camera's intrinsics, or null for the framing heuristics
     * @param opt    sampling options: {@code opt.hypotheses()} hypotheses per person
     * @return one {@link Lifted} per person, in the order given
     */
    public static List<Lifted> lift(PosePrior prior, List<Keypoints2D> people, FramingIntrinsics camera, SampleOptions opt) {
        return lift(prior, people, camera, opt, i -> "pose " + i);
    }

    /**
     * Lifts every person; all of them and all hypotheses go to the network in one batch.
     *
     * @param prior  the model
     * @param people keypoints of each person, in the pixels of the source image
     * @param camera the source camera's intrinsics, or null for the framing heuristics
     * @param opt    sampling options: {@code opt.hypotheses()} hypotheses per person
     * @param where  names person i in error messages (e.g. "walk.jsonl: frame 12")
     * @return one {@link Lifted} per person, in the order given
     * @throws GfposeException naming the person when one cannot be framed (no bone with both joints observed)
     */
    public static List<Lifted> lift(PosePrior prior, List<Keypoints2D> people, FramingIntrinsics camera,
                                    SampleOptions opt, IntFunction<String> where) {
        return lift(prior, people, camera, opt, where, 0);
    }

    /**
     * {@link #lift(PosePrior, List, FramingIntrinsics, SampleOptions, IntFunction)} for a caller that lifts a long
     * track in pieces: {@code firstPose} is the global index of {@code people.get(0)}, so each person draws the
     * same random streams however the track is split.
     *
     * @param prior     the model
     * @param people    keypoints of each person, in the pixels of the source image
     * @param camera    the source camera's intrinsics, or null for the framing heuristics
     * @param opt       sampling options: {@code opt.hypotheses()} hypotheses per person
     * @param where     names person i in error messages (e.g. "walk.jsonl: frame 12")
     * @param firstPose global index of {@code people.get(0)} among all poses lifted under {@code opt.seed()}, &gt;= 0
     * @return one {@link Lifted} per person, in the order given
     * @throws GfposeException when the list is empty or, naming the person, when one cannot be framed
     */
    public static List<Lifted> lift(PosePrior prior, List<Keypoints2D> people, FramingIntrinsics camera,
                                    SampleOptions opt, IntFunction<String> where, long firstPose) {
        if (people.isEmpty()) throw new GfposeException("no poses to lift");
        int n = people.size();
        FramingTransform[] t = new FramingTransform[n];
        float[][] uv = new float[n][];
        boolean[][] observed = new boolean[n][];
        for (int i = 0; i < n; i++) frame(people.get(i), camera, where.apply(i), t, uv, observed, i);
        float[][][] framed = prior.estimate(uv, observed, ImageSize.GFPOSE, opt, firstPose);
        List<Lifted> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(lifted(people.get(i), t[i], framed[i]));
        return out;
    }

    /**
     * Lifts a track frame by frame: the first frame as {@link #lift} does with {@code first}, every later one
     * warm-started ({@link PosePrior#estimate(float[][], boolean[][], ImageSize, SampleOptions, long, float[][][])})
     * from the previous frame's hypotheses (hypothesis h from hypothesis h, moved into the frame's own framing) with
     * {@code warm}, whose {@code tStart()} &lt; 1 sets how far back into the noise each frame starts. Frame i draws the
     * streams of pose {@code firstPose + i}, so the result does not depend on the thread count.
     *
     * @param prior     the model
     * @param frames    the person's keypoints in each frame, in the pixels of the source image
     * @param camera    the source camera's intrinsics, or null for the framing heuristics
     * @param first     sampling options of the first frame (started from the prior, or from
     *                  {@link PosePrior#flatGuess} when its {@code tStart()} &lt; 1)
     * @param warm      sampling options of every later frame: {@code tStart()} &lt; 1 and the hypothesis count of
     *                  {@code first}
     * @param where     names frame i in error messages (e.g. "walk.jsonl: frame 12")
     * @param firstPose global index of {@code frames.get(0)} among all poses lifted under these seeds, &gt;= 0
     * @return one {@link Lifted} per frame, in order
     * @throws GfposeException when there is no frame, {@code warm} does not fit, or (naming the frame) a frame cannot
     *                         be framed
     */
    public static List<Lifted> liftTrack(PosePrior prior, List<Keypoints2D> frames, FramingIntrinsics camera,
                                         SampleOptions first, SampleOptions warm, IntFunction<String> where, long firstPose) {
        if (frames.isEmpty()) throw new GfposeException("no poses to lift");
        if (!(warm.tStart() < 1)) throw new GfposeException("a warm start needs a start time below 1, got " + warm.tStart());
        if (warm.hypotheses() != first.hypotheses()) throw new GfposeException("warm start: the hypothesis counts differ");
        List<Lifted> out = new ArrayList<>(frames.size());
        FramingTransform[] t = new FramingTransform[1];
        float[][] uv = new float[1][];
        boolean[][] observed = new boolean[1][];
        for (int i = 0; i < frames.size(); i++) {
            frame(frames.get(i), camera, where.apply(i), t, uv, observed, 0);
            float[][][] guess = null;
            if (i > 0) {
                Lifted prev = out.get(i - 1);
                guess = new float[1][prev.framed().length][];
                for (int h = 0; h < guess[0].length; h++) guess[0][h] = t[0].applyPose(prev.image()[h]);
            }
            float[][][] framed = prior.estimate(uv, observed, ImageSize.GFPOSE, i == 0 ? first : warm, firstPose + i, guess);
            out.add(lifted(frames.get(i), t[0], framed[0]));
        }
        return out;
    }

    /** Frames person k into slot i of the arrays; an unframeable person is named by {@code where}. */
    private static void frame(Keypoints2D k, FramingIntrinsics camera, String where, FramingTransform[] t, float[][] uv,
                              boolean[][] observed, int i) {
        try {
            t[i] = camera == null ? Framing.fit(k) : Framing.fit(k, camera);
        } catch (GfposeException e) {
            throw new GfposeException(where + ": " + e.getMessage());
        }
        Keypoints2D f = t[i].apply(k);
        uv[i] = f.uv();
        observed[i] = f.observed().clone();
    }

    private static Lifted lifted(Keypoints2D input, FramingTransform t, float[][] framed) {
        int hyps = framed.length;
        float[][] image = new float[hyps][], mm = new float[hyps][];
        for (int h = 0; h < hyps; h++) {
            image[h] = t.invertPose(framed[h]);
            mm[h] = toMillimetres(framed[h]);
        }
        return new Lifted(input, t, framed, image, mm);
    }

    /**
     * A pose in GFPose's frame (51 values) to root-relative camera millimetres through the virtual camera.
     *
     * @param framed [51]: 17 joints x (u, v, depth) in GFPose's pixels, joint-major
     * @return [51] camera coordinates in mm (x right, y down, z away from the camera), pelvis at the origin
     * @throws GfposeException when the pose has not 51 values
     */
    public static float[] toMillimetres(float[] framed) {
        if (framed.length != Skeleton.DIM)
            throw new GfposeException("expected a pose of " + Skeleton.DIM + " values, got " + framed.length);
        double[] cam = new double[Skeleton.DIM];
        for (int j = 0; j < Skeleton.JOINTS; j++) {
            double z = framed[3 * j + 2] / Framing.PX_PER_MM + ROOT_DEPTH_MM;
            cam[3 * j] = (framed[3 * j] - Framing.CX) / Framing.FOCAL * z;
            cam[3 * j + 1] = (framed[3 * j + 1] - Framing.CY) / Framing.FOCAL * z;
            cam[3 * j + 2] = z;
        }
        float[] out = new float[Skeleton.DIM];
        for (int k = 0; k < out.length; k++) out[k] = (float) (cam[k] - cam[k % 3]); // pelvis is joint 0
        return out;
    }
}
