package gfpose.cli;

import gfpose.sampling.SamplerKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --sampler} in lower case, as documented (picocli's enum converter wants upper case). */
final class SamplerConverter implements ITypeConverter<SamplerKind> {
    @Override
    public SamplerKind convert(String value) {
        for (SamplerKind k : SamplerKind.values()) {
            if (k.name().equalsIgnoreCase(value.trim())) return k;
        }
        throw new TypeConversionException("unknown sampler '" + value + "' (expected sde, deterministic, ode or pc)");
    }
}
