package org.creditkit.models.scorecard;

/**
 * Points-to-double-the-odds scaling (Siddiqi): {@code score = offset + factor * ln(odds good:bad)}
 * with {@code factor = pdo / ln 2} and {@code offset = baseScore - factor * ln(baseOdds)}, so that
 * odds of {@code baseOdds}:1 score {@code baseScore} and every {@code pdo} points double the odds.
 *
 * @param baseScore the score at the base odds, e.g. 600
 * @param baseOdds good:bad odds at the base score, e.g. 50
 * @param pdo points to double the odds, e.g. 20
 */
public record Scaling(double baseScore, double baseOdds, double pdo) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if odds or PDO are not positive and finite
     */
    public Scaling {
        if (!Double.isFinite(baseScore) || !(baseOdds > 0) || !Double.isFinite(baseOdds) || !(pdo > 0)
                || !Double.isFinite(pdo)) {
            throw new IllegalArgumentException("Scaling needs a finite base score, positive base odds and positive PDO, got "
                    + baseScore + ", " + baseOdds + ", " + pdo);
        }
    }

    /**
     * 600 points at 50:1, 20 points to double the odds.
     *
     * @return the default scaling
     */
    public static Scaling defaults() {
        return new Scaling(600, 50, 20);
    }

    /**
     * Points per unit of log-odds.
     *
     * @return {@code pdo / ln 2}
     */
    public double factor() {
        return pdo / Math.log(2);
    }

    /**
     * The score at even odds.
     *
     * @return {@code baseScore - factor * ln(baseOdds)}
     */
    public double offset() {
        return baseScore - factor() * Math.log(baseOdds);
    }

    /**
     * The score of a log-odds of default.
     *
     * @param logOddsBad {@code ln(PD / (1 - PD))}
     * @return the score
     */
    public double score(double logOddsBad) {
        return offset() - factor() * logOddsBad;
    }

    /**
     * The log-odds of default of a score.
     *
     * @param score a score
     * @return {@code ln(PD / (1 - PD))}
     */
    public double logOddsBad(double score) {
        return (offset() - score) / factor();
    }
}
