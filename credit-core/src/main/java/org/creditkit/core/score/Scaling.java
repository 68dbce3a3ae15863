package org.creditkit.core.score;

/**
 * Points-to-double-the-odds scaling from log-odds of default to a score where a higher score means
 * lower risk.
 *
 * <p>With good:bad odds {@code g = exp(-logOdds)}, {@code score = offset + factor * ln(g)} where
 * {@code factor = pdo / ln 2} and {@code offset = baseScore - factor * ln(baseOdds)}; so an
 * applicant at the base odds scores {@code baseScore}, and every {@code pdo} points more doubles
 * the good:bad odds.
 *
 * <pre>{@code
 * Scaling s = Scaling.of(600, 50, 40);  // 600 points at 50:1 good:bad, 40 points double the odds
 * s.score(Math.log(1.0 / 50));           // 600.0
 * }</pre>
 *
 * @param baseScore score given at the base odds
 * @param baseOdds  good:bad odds at the base score, &gt; 0
 * @param pdo       points to double the odds, &gt; 0
 */
public record Scaling(double baseScore, double baseOdds, double pdo) {

    /** @throws IllegalArgumentException on a non-finite value, non-positive odds or PDO */
    public Scaling {
        if (!Double.isFinite(baseScore) || !Double.isFinite(baseOdds) || !Double.isFinite(pdo)
                || baseOdds <= 0 || pdo <= 0) {
            throw new IllegalArgumentException("scaling needs a finite baseScore, baseOdds > 0 and pdo > 0, got "
                    + baseScore + ", " + baseOdds + ", " + pdo);
        }
    }

    /**
     * Factory.
     *
     * @throws IllegalArgumentException on a non-finite value, non-positive odds or PDO
     */
    public static Scaling of(double baseScore, double baseOdds, double pdo) {
        return new Scaling(baseScore, baseOdds, pdo);
    }

    /** Points per unit of log-odds: {@code pdo / ln 2}. */
    public double factor() {
        return pdo / Math.log(2);
    }

    /** Score at log-odds zero (even odds). */
    public double offset() {
        return baseScore - factor() * Math.log(baseOdds);
    }

    /** Score for log-odds of default; higher is safer. */
    public double score(double logOdds) {
        return offset() - factor() * logOdds;
    }

    /** Log-odds of default for a score (inverse of {@link #score}). */
    public double logOdds(double score) {
        return (offset() - score) / factor();
    }

    /** Probability of default for log-odds: {@code 1 / (1 + exp(-logOdds))}. */
    public static double pd(double logOdds) {
        return 1.0 / (1.0 + Math.exp(-logOdds));
    }

    /** Log-odds of default for a PD in (0, 1). */
    public static double logOddsOfPd(double pd) {
        return Math.log(pd / (1.0 - pd));
    }

    /** Points that a log-odds difference is worth (positive when {@code deltaLogOdds} raises risk). */
    public double points(double deltaLogOdds) {
        return factor() * deltaLogOdds;
    }
}
