package org.creditkit.rules.internal;

import java.util.Collection;
import java.util.Optional;

/**
 * The nearest of a set of names to a name that is not among them, by edit distance, for "did you mean"
 * in messages about a misspelt rule, product or value.
 */
public final class Names {

    private Names() {
    }

    /**
     * The candidate closest to {@code name} (Levenshtein distance, case-insensitive; the first of equals in
     * iteration order), if it is close enough to be a misspelling: at most a third of the longer name's
     * length, and at least 1 edit allowed.
     *
     * @param name       the name given
     * @param candidates the valid names
     * @return the suggestion, or empty when no candidate is near
     */
    public static Optional<String> nearest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String c : candidates) {
            int d = distance(lower, c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int allowed = Math.max(1, Math.max(name.length(), best.length()) / 3);
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /**
     * {@code "; did you mean 'x'?"} for the nearest candidate, or {@code "; valid: [a, b, ...]"} when none
     * is near.
     *
     * @param name       the name given
     * @param candidates the valid names
     * @return the suffix for a message
     */
    public static String suggestion(String name, Collection<String> candidates) {
        return nearest(name, candidates).map(n -> "; did you mean '" + n + "'?")
                .orElse("; valid: " + candidates);
    }

    /** Levenshtein distance with two rows. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
