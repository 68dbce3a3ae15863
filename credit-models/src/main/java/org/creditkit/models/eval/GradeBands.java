package org.creditkit.models.eval;

import java.util.List;

/**
 * Grades by PD band, for per-grade tables: grade {@code i} holds PDs below {@code upperPd[i]}; the
 * last grade takes the rest.
 *
 * @param names grade names from best to worst
 * @param upperPd exclusive upper PD of each grade except the last, ascending
 */
public record GradeBands(List<String> names, List<Double> upperPd) {

    /**
     * Checks and copies.
     *
     * @throws IllegalArgumentException if the sizes do not fit or the bounds do not ascend
     */
    public GradeBands {
        names = List.copyOf(names);
        upperPd = List.copyOf(upperPd);
        if (names.size() != upperPd.size() + 1) {
            throw new IllegalArgumentException(names.size() + " grades need " + (names.size() - 1) + " bounds, got "
                    + upperPd.size());
        }
        for (int i = 1; i < upperPd.size(); i++) {
            if (!(upperPd.get(i) > upperPd.get(i - 1))) {
                throw new IllegalArgumentException("Grade bounds " + upperPd + " must ascend");
            }
        }
    }

    /**
     * AAA below 0.5%, AA 1%, A 2%, BBB 4%, BB 8%, B 15%, CCC 30%, D above.
     *
     * @return the default bands
     */
    public static GradeBands defaults() {
        return new GradeBands(List.of("AAA", "AA", "A", "BBB", "BB", "B", "CCC", "D"),
                List.of(0.005, 0.01, 0.02, 0.04, 0.08, 0.15, 0.30));
    }

    /**
     * The grade of a PD.
     *
     * @param pd a PD
     * @return the grade name
     */
    public String grade(double pd) {
        for (int i = 0; i < upperPd.size(); i++) {
            if (pd < upperPd.get(i)) {
                return names.get(i);
            }
        }
        return names.get(names.size() - 1);
    }
}
