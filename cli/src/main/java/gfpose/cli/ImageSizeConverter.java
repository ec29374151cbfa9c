package gfpose.cli;

import gfpose.task.ImageSize;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --image-size WxH}, e.g. {@code 1000x1000}. */
final class ImageSizeConverter implements ITypeConverter<ImageSize> {
    private static final Pattern WXH = Pattern.compile("\\s*(\\d{1,6})\\s*[xX]\\s*(\\d{1,6})\\s*");

    @Override
    public ImageSize convert(String value) {
        Matcher m = WXH.matcher(value);
        if (!m.matches()) throw new TypeConversionException("'" + value + "' is not WIDTHxHEIGHT (e.g. 1000x1000)");
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        if (w == 0 || h == 0) throw new TypeConversionException("image size must be positive, got '" + value + "'");
        return new ImageSize(w, h);
    }
}
