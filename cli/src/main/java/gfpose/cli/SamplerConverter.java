package gfpose.cli;

import gfpose.sampling.SamplerKind;
import gfpose.sampling.TimeSpacing;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --sampler} as documented ({@code dpm2m-sde}; picocli's enum converter wants {@code DPM2M_SDE}). */
final class SamplerConverter implements ITypeConverter<SamplerKind> {
    @Override
    public SamplerKind convert(String value) {
        for (SamplerKind k : SamplerKind.values()) {
            if (k.cliName().equals(value.trim().toLowerCase(Locale.ROOT))) return k;
        }
        throw new TypeConversionException("unknown sampler '" + value + "' (expected "
                + Arrays.stream(SamplerKind.values()).map(SamplerKind::cliName).collect(Collectors.joining(", ")) + ")");
    }

    /** Parses {@code --spacing} in lower case. */
    static final class Spacing implements ITypeConverter<TimeSpacing> {
        @Override
        public TimeSpacing convert(String value) {
            for (TimeSpacing k : TimeSpacing.values()) {
                if (Cli.lower(k).equals(value.trim().toLowerCase(Locale.ROOT))) return k;
            }
            throw new TypeConversionException("unknown spacing '" + value + "' (expected lambda, time, quadratic or karras)");
        }
    }
}
