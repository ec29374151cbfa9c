package gfpose.data;

import gfpose.GfposeException;
import java.util.List;
import java.util.Map;

/**
 * One Human3.6M camera of one subject: extrinsics (world to camera rotation {@code R}, camera centre
 * {@code T} in world mm), intrinsics ({@code f}, {@code c}), distortion ({@code k} radial, {@code p}
 * tangential) and the image size. Arrays are defensive copies.
 */
public record H36mCamera(String subject, String id, double[] r, double[] t, double[] f, double[] c,
                         double[] k, double[] p, int[] resWh) {

    /** Camera ids in the conventional index order 0..3. */
    public static final List<String> IDS = List.of("54138969", "55011271", "58860488", "60457274");

    public H36mCamera {
        r = r.clone(); t = t.clone(); f = f.clone(); c = c.clone(); k = k.clone(); p = p.clone(); resWh = resWh.clone();
    }

    /** {@code X_cam = R (X_world - T)} in mm, for one joint at {@code off} of {@code world}. */
    public void toCamera(float[] world, int off, double[] out, int outOff) {
        double x = world[off] - t[0], y = world[off + 1] - t[1], z = world[off + 2] - t[2];
        for (int i = 0; i < 3; i++) out[outOff + i] = r[3 * i] * x + r[3 * i + 1] * y + r[3 * i + 2] * z;
    }

    /** Pixel (u, v) of a camera-frame point with the full distortion model of the data README. */
    public void projectDistorted(double[] cam, int off, double[] uv, int uvOff) {
        double x = cam[off] / cam[off + 2], y = cam[off + 1] / cam[off + 2];
        double r2 = x * x + y * y;
        double radial = 1 + k[0] * r2 + k[1] * r2 * r2 + k[2] * r2 * r2 * r2;
        double tan = p[0] * y + p[1] * x;
        double xd = x * (radial + tan) + p[1] * r2;
        double yd = y * (radial + tan) + p[0] * r2;
        uv[uvOff] = f[0] * xd + c[0];
        uv[uvOff + 1] = f[1] * yd + c[1];
    }

    /** Parses one entry of {@code cameras.json}; errors name the file and the field. */
    static H36mCamera fromJson(Object o, String where) {
        if (!(o instanceof Map<?, ?> m)) throw new GfposeException(where + ": expected an object");
        String subject = str(m, "subject", where), id = str(m, "camera", where);
        String w = where + " (" + subject + "/" + id + ")";
        double[] res = nums(m, "res_wh", 2, w);
        return new H36mCamera(subject, id, nums(m, "R", 9, w), nums(m, "T_world_center_mm", 3, w), nums(m, "f", 2, w),
                nums(m, "c", 2, w), nums(m, "k", 3, w), nums(m, "p", 2, w), new int[] {(int) res[0], (int) res[1]});
    }

    private static String str(Map<?, ?> m, String key, String where) {
        Object v = m.get(key);
        if (!(v instanceof String s)) throw new GfposeException(where + ": field '" + key + "' missing or not a string");
        return s;
    }

    private static double[] nums(Map<?, ?> m, String key, int n, String where) {
        Object v = m.get(key);
        if (!(v instanceof List<?> l) || l.size() != n) {
            throw new GfposeException(where + ": field '" + key + "' must be a list of " + n + " numbers");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(l.get(i) instanceof Number num)) throw new GfposeException(where + ": field '" + key + "' holds a non-number");
            out[i] = num.doubleValue();
        }
        return out;
    }
}
