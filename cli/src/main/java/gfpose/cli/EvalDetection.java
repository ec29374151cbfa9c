package gfpose.cli;

import gfpose.data.H36mDataset;
import gfpose.data.Split;
import gfpose.eval.Baselines;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code gfpose eval --detection-error}: how far the SH detections lie from the projected ground truth. */
final class EvalDetection {
    private EvalDetection() {}

    /** One measurement with the settings it was taken under. */
    record Report(Baselines.PixelError error, int stride, int limit) {
        Map<String, Object> protocol() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("dataset", "Human3.6M (3d-pose-baseline release)");
            p.put("split", "test: S9, S11 (S11 Directions excluded), all 4 cameras");
            p.put("stride", stride);
            p.put("limit", limit);
            p.put("detections", "Stacked Hourglass (not fine-tuned), MPII 16 joints mapped to h36m17; spine has none");
            p.put("reference", "ground truth projected with the full camera model (radial and tangential distortion)");
            p.put("aggregation", "over all detected joints of all kept items (frame-wise, not action-wise)");
            return p;
        }

        Map<String, Object> toJson() {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("joints", error.joints());
            e.put("mean", round(error.mean()));
            e.put("median", round(error.median()));
            e.put("over_50px_percent", round(100 * error.fractionOver50()));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("protocol", protocol());
            doc.put("detection_error_px", e);
            return doc;
        }

        String markdown() {
            return String.format(Locale.ROOT, "| joints | mean (px) | median (px) | > 50 px |%n|---:|---:|---:|---:|%n"
                    + "| %d | %.2f | %.2f | %.2f %% |%n%nProtocol: SH detections vs distorted projection of the ground truth; "
                    + "test split S9, S11 (S11 Directions excluded); stride %d%s; 16 joints (spine undetected).%n",
                    error.joints(), error.mean(), error.median(), 100 * error.fractionOver50(), stride,
                    limit > 0 ? ", limit " + limit : "");
        }
    }

    static Report run(H36mDataset data, int stride, int limit) {
        return new Report(Baselines.detectionError(data, Split.TEST, stride, limit), stride, limit);
    }

    private static double round(double v) { return Math.round(v * 1000) / 1000.0; }
}
