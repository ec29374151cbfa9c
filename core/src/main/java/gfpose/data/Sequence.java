package gfpose.data;

/**
 * One Human3.6M recording: subject ({@code "S9"}), name as stored ({@code "Walking 1"}) and canonical action.
 * {@link #key()} is the {@code poses3d.npz} array name.
 */
public record Sequence(String subject, String name, String action) implements Comparable<Sequence> {

    /** Parses {@code "S9/Walking 1"}. */
    public static Sequence parse(String key) {
        int slash = key.indexOf('/');
        if (slash <= 0 || slash == key.length() - 1) throw new IllegalArgumentException("bad sequence key '" + key + "'");
        String name = key.substring(slash + 1);
        return new Sequence(key.substring(0, slash), name, H36mActions.canonical(name));
    }

    public String key() { return subject + "/" + name; }

    public int subjectNumber() { return Integer.parseInt(subject.substring(1)); }

    /** Subject number, then action id, then name: the order of LCN's test list. */
    @Override public int compareTo(Sequence o) {
        int c = Integer.compare(subjectNumber(), o.subjectNumber());
        if (c == 0) c = Integer.compare(H36mActions.index(action), H36mActions.index(o.action));
        return c != 0 ? c : name.compareTo(o.name);
    }

    @Override public String toString() { return key(); }
}
