package gfpose.data;

import java.util.List;

/**
 * A selection of Human3.6M sequences and frames. {@link #TRAIN} and {@link #TEST} are the standard subject split
 * (train S1 S5 S6 S7 S8; test S9 S11 without S11 Directions). {@link #VAL} carves a validation set out of the
 * training subjects, the last {@link #VAL_FRACTION} of the frames of every training sequence, for choosing recipes and
 * samplers without touching S9/S11; {@link #FIT} is the rest of the training frames, what a run that is validated on
 * {@link #VAL} trains on.
 */
public enum Split {
    TRAIN(List.of("S1", "S5", "S6", "S7", "S8")),
    TEST(List.of("S9", "S11")),
    FIT(TRAIN.subjects),
    VAL(TRAIN.subjects);

    /** Share of each training sequence's frames (its tail) that {@link #VAL} holds out. */
    public static final double VAL_FRACTION = 0.1;

    private final List<String> subjects;

    Split(List<String> subjects) { this.subjects = subjects; }

    public List<String> subjects() { return subjects; }

    /** Whether a sequence belongs to this split; S11 Directions is dropped from test (corrupt video). */
    public boolean contains(Sequence s) {
        if (!subjects.contains(s.subject())) return false;
        return !(this == TEST && s.subject().equals("S11") && s.action().equals("Directions"));
    }

    /** First frame of a sequence of {@code frames} frames that this split keeps. */
    public int firstFrame(int frames) { return this == VAL ? frames - valFrames(frames) : 0; }

    /** One past the last frame this split keeps. */
    public int endFrame(int frames) { return this == FIT ? frames - valFrames(frames) : frames; }

    private static int valFrames(int frames) { return (int) Math.ceil(frames * VAL_FRACTION); }

    /** One line for reports: subjects and frames. */
    public String describe() {
        return switch (this) {
            case TRAIN -> "train: S1, S5, S6, S7, S8, all frames";
            case TEST -> "test: S9, S11 (S11 Directions excluded)";
            case FIT -> "fit: S1, S5, S6, S7, S8 without the last 10 % of every sequence's frames (the validation tail)";
            case VAL -> "val: the last 10 % of the frames of every S1, S5, S6, S7, S8 sequence (held out of fit)";
        };
    }

    /** Parses {@code train}, {@code test}, {@code fit} or {@code val} (any case). */
    public static Split parse(String s) {
        for (Split v : values()) if (v.name().equalsIgnoreCase(s.trim())) return v;
        throw new gfpose.GfposeException("unknown split '" + s + "': expected train, fit, val or test");
    }
}
