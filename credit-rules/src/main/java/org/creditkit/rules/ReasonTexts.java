package org.creditkit.rules;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reason texts joined from parts, each distinct text written once and then shared: a rule's text
 * varies with a handful of values from small sets (an industry multiple, a grade and a product id, a
 * combination of data-quality flags), yet string concatenation in a consequence writes it again on
 * every decision (about 0.9 KB a decision under the default policy). {@link Case#text(String, String)}
 * and its longer forms look the parts up here and return the kept text, equal to the concatenation.
 *
 * <p>The shared memo keeps at most {@value #KEPT} texts (a rule that joins a value from a large set, such as a PD,
 * gets a fresh concatenation once the memo is full, never a wrong or stale text): keys and texts are
 * strings, so nothing kept can change. Thread-safe: the memo is a {@link ConcurrentHashMap} (which
 * publishes the immutable strings it holds); the key a look-up is made with is the thread's own.
 */
final class ReasonTexts {

    /** How many texts the shared memo keeps. */
    static final int KEPT = 1024;

    /** The memo every {@link Case} uses. */
    static final ReasonTexts SHARED = new ReasonTexts(KEPT);

    private final ConcurrentHashMap<Key, String> memo = new ConcurrentHashMap<>();
    private final int kept;

    ReasonTexts(int kept) {
        this.kept = kept;
    }

    /** Each thread's look-up key, overwritten by every look-up (a look-up calls nothing that looks up again). */
    private static final ThreadLocal<Key> PROBE = ThreadLocal.withInitial(Key::new);

    /**
     * The parts joined, from the memo when kept.
     *
     * @param n how many parts, 2 to 5; the parts after the {@code n}th are ignored (pass null)
     */
    String join(int n, String a, String b, String c, String d, String e) {
        Key k = PROBE.get();
        k.set(n, a, b, c, d, e);
        String text = memo.get(k);
        if (text == null) {
            text = k.concat();
            if (memo.size() < kept) {
                // a copy: the thread's look-up key is overwritten by the next look-up
                Key copy = new Key();
                copy.set(n, a, b, c, d, e);
                memo.putIfAbsent(copy, text);
            }
        }
        return text;
    }

    /** How many texts are kept now (tests). */
    int size() {
        return memo.size();
    }

    /** The parts of a text; {@code n} of the five are used, the rest null. */
    private static final class Key {
        private int n;
        private String a;
        private String b;
        private String c;
        private String d;
        private String e;
        private int hash;

        void set(int n, String a, String b, String c, String d, String e) {
            this.n = n;
            this.a = Objects.requireNonNull(a, "a reason text's part");
            this.b = Objects.requireNonNull(b, "a reason text's part");
            this.c = n > 2 ? Objects.requireNonNull(c, "a reason text's part") : null;
            this.d = n > 3 ? Objects.requireNonNull(d, "a reason text's part") : null;
            this.e = n > 4 ? Objects.requireNonNull(e, "a reason text's part") : null;
            int h = n;
            h = 31 * h + a.hashCode();
            h = 31 * h + b.hashCode();
            h = 31 * h + (n > 2 ? c.hashCode() : 0);
            h = 31 * h + (n > 3 ? d.hashCode() : 0);
            h = 31 * h + (n > 4 ? e.hashCode() : 0);
            this.hash = h;
        }

        String concat() {
            return switch (n) {
                case 2 -> a + b;
                case 3 -> a + b + c;
                case 4 -> a + b + c + d;
                default -> a + b + c + d + e;
            };
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.n == n && k.hash == hash && a.equals(k.a) && b.equals(k.b)
                    && Objects.equals(c, k.c) && Objects.equals(d, k.d) && Objects.equals(e, k.e);
        }
    }
}
