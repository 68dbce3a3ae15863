package org.creditkit.core.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Ordered grade bands, best first, cut either by score (a band holds scores at or above its
 * cutoff) or by PD (a band holds PDs at or below its cutoff). The last band is open-ended so every
 * result gets a grade.
 *
 * <pre>{@code
 * GradeBands bands = GradeBands.byScore(List.of(
 *     GradeBands.Band.of("A", 700), GradeBands.Band.of("B", 600), GradeBands.Band.of("C", Double.NEGATIVE_INFINITY)));
 * bands.grade(650, 0.02);  // B
 * }</pre>
 */
public final class GradeBands {

    /** What the cutoffs apply to. */
    public enum Basis {
        /** Cutoffs are minimum scores, strictly descending; the last is {@code -Infinity}. */
        SCORE,
        /** Cutoffs are maximum PDs, strictly ascending; the last is 1. */
        PD
    }

    /**
     * One band.
     *
     * @param grade  grade code
     * @param cutoff minimum score (basis SCORE) or maximum PD (basis PD)
     */
    public record Band(String grade, double cutoff) {
        /** @throws NullPointerException on a null grade */
        public Band {
            Objects.requireNonNull(grade, "grade");
        }

        /** Factory. */
        public static Band of(String grade, double cutoff) {
            return new Band(grade, cutoff);
        }
    }

    private final Basis basis;
    private final List<Band> bands;
    private final Grade[] grades;
    private final double[] cutoffs;

    private GradeBands(Basis basis, List<Band> bands) {
        this.basis = Objects.requireNonNull(basis, "basis");
        this.bands = List.copyOf(bands);
        List<String> problems = problems(basis, this.bands);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        grades = new Grade[this.bands.size()];
        cutoffs = new double[this.bands.size()];
        for (int i = 0; i < grades.length; i++) {
            grades[i] = Grade.of(this.bands.get(i).grade(), i);
            cutoffs[i] = this.bands.get(i).cutoff();
        }
    }

    /**
     * Bands by minimum score, best first.
     *
     * @throws IllegalArgumentException unless cutoffs strictly descend, the last is {@code -Infinity},
     *                                  grade codes are valid and distinct
     */
    public static GradeBands byScore(List<Band> bands) {
        return new GradeBands(Basis.SCORE, bands);
    }

    /**
     * Bands by maximum PD, best first.
     *
     * @throws IllegalArgumentException unless cutoffs strictly ascend within (0, 1], the last is 1,
     *                                  grade codes are valid and distinct
     */
    public static GradeBands byPd(List<Band> bands) {
        return new GradeBands(Basis.PD, bands);
    }

    /**
     * What is wrong with these bands, one message per problem (empty when valid). Used by the
     * bundle loader to report every problem at once.
     */
    public static List<String> problems(Basis basis, List<Band> bands) {
        List<String> out = new ArrayList<>();
        if (bands.isEmpty()) {
            out.add("at least one grade band is needed");
            return out;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.get(i);
            try {
                Grade.of(b.grade(), i);
            } catch (IllegalArgumentException e) {
                out.add("band " + i + ": " + e.getMessage());
            }
            if (!seen.add(b.grade())) {
                out.add("band " + i + ": grade '" + b.grade() + "' appears twice");
            }
            double c = b.cutoff();
            if (Double.isNaN(c)) {
                out.add("band " + i + " (" + b.grade() + "): cutoff is NaN");
                continue;
            }
            if (i > 0) {
                double prev = bands.get(i - 1).cutoff();
                if (basis == Basis.SCORE && !(c < prev)) {
                    out.add("band " + i + " (" + b.grade() + "): score cutoff " + c
                            + " must be below the previous band's " + prev + " (bands go best first)");
                }
                if (basis == Basis.PD && !(c > prev)) {
                    out.add("band " + i + " (" + b.grade() + "): PD cutoff " + c
                            + " must be above the previous band's " + prev + " (bands go best first)");
                }
            }
            if (basis == Basis.PD && !(c > 0 && c <= 1)) {
                out.add("band " + i + " (" + b.grade() + "): PD cutoff " + c + " must be in (0, 1]");
            }
            if (basis == Basis.SCORE && i < bands.size() - 1 && Double.isInfinite(c)) {
                out.add("band " + i + " (" + b.grade() + "): only the last band may have an infinite cutoff");
            }
        }
        double last = bands.get(bands.size() - 1).cutoff();
        if (basis == Basis.SCORE && last != Double.NEGATIVE_INFINITY) {
            out.add("the last band must have cutoff -inf so every score gets a grade, got " + last);
        }
        if (basis == Basis.PD && last != 1.0) {
            out.add("the last band must have PD cutoff 1 so every PD gets a grade, got " + last);
        }
        return out;
    }

    /** The basis of the cutoffs. */
    public Basis basis() {
        return basis;
    }

    /** The bands, best first. */
    public List<Band> bands() {
        return bands;
    }

    /** Grade for a score and its PD (whichever the basis uses). */
    public Grade grade(double score, double pd) {
        if (basis == Basis.SCORE) {
            for (int i = 0; i < cutoffs.length - 1; i++) {
                if (score >= cutoffs[i]) {
                    return grades[i];
                }
            }
        } else {
            for (int i = 0; i < cutoffs.length - 1; i++) {
                if (pd <= cutoffs[i]) {
                    return grades[i];
                }
            }
        }
        return grades[grades.length - 1];
    }

    /** All grades, best first. */
    public List<Grade> grades() {
        return List.of(grades);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GradeBands g && basis == g.basis && bands.equals(g.bands);
    }

    @Override
    public int hashCode() {
        return basis.hashCode() * 31 + bands.hashCode();
    }

    @Override
    public String toString() {
        return "GradeBands[" + basis + ", " + bands + "]";
    }
}
