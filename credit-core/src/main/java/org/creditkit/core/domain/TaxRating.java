package org.creditkit.core.domain;

import java.util.Objects;

/**
 * The tax credit rating of one year.
 *
 * @param year  the rated year
 * @param grade the grade
 */
public record TaxRating(int year, TaxGrade grade) {
    /** @throws NullPointerException if grade is null */
    public TaxRating {
        Objects.requireNonNull(grade, "grade");
    }
}
