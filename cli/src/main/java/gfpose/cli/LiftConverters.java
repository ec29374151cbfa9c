package gfpose.cli;

import gfpose.GfposeException;
import gfpose.io.KeypointFormat;
import gfpose.task.FramingIntrinsics;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option converters of {@code lift}; bad values become usage errors (exit 2). */
final class LiftConverters {
    private LiftConverters() {}

    /** {@code --format coco17|mpii16|openpose25|h36m17}. */
    static final class Format implements ITypeConverter<KeypointFormat> {
        @Override
        public KeypointFormat convert(String value) {
            try {
                return KeypointFormat.parse(value);
            } catch (GfposeException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --intrinsics fx,fy,cx,cy} in pixels. */
    static final class Intrinsics implements ITypeConverter<FramingIntrinsics> {
        @Override
        public FramingIntrinsics convert(String value) {
            String[] p = value.split(",", -1);
            if (p.length != 4) throw new TypeConversionException("'" + value + "' is not fx,fy,cx,cy (four numbers in pixels)");
            double[] v = new double[4];
            for (int i = 0; i < 4; i++) {
                try {
                    v[i] = Double.parseDouble(p[i].trim());
                } catch (NumberFormatException e) {
                    throw new TypeConversionException("'" + p[i].trim() + "' in '" + value + "' is not a number");
                }
            }
            try {
                return new FramingIntrinsics(v[0], v[1], v[2], v[3]);
            } catch (GfposeException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
