package org.creditkit.rules.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.creditkit.rules.RuleProblem;

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

    /**
     * The expected rule names of a scenario that a rule set does not have, each as
     * {@code file:line:column $.expect.firedRules[i]: expected rule 'x' is not a rule of SET; did you mean 'y'?}
     * (the path alone for a name without a site), in the order of the file.
     *
     * @param sites    where each {@code /expect/firedRules/i} stands, the name as the message
     * @param expected the expected names (those without a site are reported too)
     * @param names    the names the set can fire
     * @param origin   the rule set, for the message
     * @return one line per unknown name
     */
    public static List<String> unknownRules(Map<String, RuleProblem> sites, Set<String> expected,
            List<String> names, String origin) {
        Set<String> known = Set.copyOf(names);
        Set<String> reported = new HashSet<>();
        List<String> out = new ArrayList<>();
        List<Map.Entry<String, RuleProblem>> located = sites.entrySet().stream()
                .filter(e -> e.getKey().startsWith(FIRED_RULES))
                .sorted(Comparator.comparingInt(e -> Integer.parseInt(e.getKey().substring(FIRED_RULES.length()))))
                .toList();
        for (Map.Entry<String, RuleProblem> e : located) {
            String name = e.getValue().message();
            if (!known.contains(name) && reported.add(name)) {
                RuleProblem at = e.getValue();
                out.add(RuleProblem.of(at.file(), at.line(), at.column(), JsonDoc.path(e.getKey())
                        + ": " + notARule(name, names, origin)).toString());
            }
        }
        for (String name : new TreeSet<>(expected)) {
            if (!known.contains(name) && reported.add(name)) {
                out.add("$.expect.firedRules: " + notARule(name, names, origin));
            }
        }
        return out;
    }

    private static final String FIRED_RULES = "/expect/firedRules/";

    private static String notARule(String name, List<String> names, String origin) {
        return "expected rule '" + name + "' is not a rule of " + origin + suggestion(name, names);
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
