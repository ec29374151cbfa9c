package gfpose.data;

import java.util.List;

/** The standard Human3.6M subject split (train S1 S5 S6 S7 S8; test S9 S11 without S11 Directions). */
public enum Split {
    TRAIN(List.of("S1", "S5", "S6", "S7", "S8")),
    TEST(List.of("S9", "S11"));

    private final List<String> subjects;

    Split(List<String> subjects) { this.subjects = subjects; }

    public List<String> subjects() { return subjects; }

    /** Whether a sequence belongs to this split; S11 Directions is dropped from test (corrupt video). */
    public boolean contains(Sequence s) {
        if (!subjects.contains(s.subject())) return false;
        return !(this == TEST && s.subject().equals("S11") && s.action().equals("Directions"));
    }
}
