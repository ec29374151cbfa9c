package gfpose.bench;

/** Describes the preferred Vector API width without linking jdk.incubator.vector unless it is present. */
final class VectorWidth {
    private VectorWidth() {}

    static String describe() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return "vector width unknown (run the report with --add-modules=jdk.incubator.vector)";
        }
        return Probe.describe();
    }

    /** Loaded only when the module is present. */
    private static final class Probe {
        static String describe() {
            int bits = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize();
            return "preferred vector width " + bits + " bits (" + bits / 32 + " floats)";
        }
    }
}
