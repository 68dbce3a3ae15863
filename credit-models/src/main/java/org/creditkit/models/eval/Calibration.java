package org.creditkit.models.eval;

/**
 * Calibration of the central tendency: the intercept shift that makes the mean predicted PD equal a
 * target default rate (for example the long-run average when the development sample's rate
 * differs). Solved by Newton's method on {@code mean(sigmoid(z_i + s)) = target}.
 */
public final class Calibration {

    private Calibration() {
    }

    /**
     * The shift {@code s} such that the mean of {@code sigmoid(logOdds + s)} is the target rate.
     *
     * @param logOdds log-odds per case
     * @param targetRate the wanted mean PD, in (0,1)
     * @return the shift to add to every log-odds
     * @throws IllegalArgumentException if the target is not in (0,1) or there are no cases
     */
    public static double interceptShift(double[] logOdds, double targetRate) {
        if (!(targetRate > 0 && targetRate < 1)) {
            throw new IllegalArgumentException("Target default rate must be in (0,1), got " + targetRate);
        }
        if (logOdds.length == 0) {
            throw new IllegalArgumentException("No cases to calibrate");
        }
        double s = 0;
        for (int iter = 0; iter < 100; iter++) {
            double mean = 0;
            double slope = 0;
            for (double z : logOdds) {
                double p = 1 / (1 + Math.exp(-(z + s)));
                mean += p;
                slope += p * (1 - p);
            }
            mean /= logOdds.length;
            slope /= logOdds.length;
            double step = (targetRate - mean) / Math.max(slope, 1e-12);
            step = Math.max(-5, Math.min(5, step));
            s += step;
            if (Math.abs(step) < 1e-12) {
                break;
            }
        }
        return s;
    }
}
