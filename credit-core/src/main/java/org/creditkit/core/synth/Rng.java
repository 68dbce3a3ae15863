package org.creditkit.core.synth;

import java.util.SplittableRandom;

/**
 * The random source of one record: a {@link SplittableRandom} seeded from (portfolio seed, record
 * index), so any record can be generated alone, in any order, on any thread, with the same result.
 * Normals come from {@link SplittableRandom#nextGaussian()} (a ziggurat in plain Java arithmetic).
 */
final class Rng {

    private final SplittableRandom random;

    Rng(long seed, long index) {
        this.random = new SplittableRandom(mix(seed ^ mix(index + 0x9E3779B97F4A7C15L)));
    }

    /** Stafford variant 13 of the MurmurHash3 finaliser (as in SplittableRandom). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    double uniform() {
        return random.nextDouble();
    }

    double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    int uniformInt(int lo, int hiInclusive) {
        return lo + random.nextInt(hiInclusive - lo + 1);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** Standard normal. */
    double normal() {
        return random.nextGaussian();
    }

    double normal(double mean, double sd) {
        return mean + sd * normal();
    }

    /** Log-normal factor with median 1. */
    double lognormal(double sigma) {
        return Math.exp(sigma * normal());
    }

    /** Poisson by inversion (small means). */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        double l = Math.exp(-Math.min(mean, 50));
        int k = 0;
        double p = random.nextDouble();
        while (p > l && k < 200) {
            k++;
            p *= random.nextDouble();
        }
        return k;
    }

    /** Index drawn from cumulative weights (ascending, last = total). */
    int pick(double[] cumulative) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    <T> T pick(T[] items) {
        return items[random.nextInt(items.length)];
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    static double[] cumulative(double... weights) {
        double[] c = new double[weights.length];
        double acc = 0;
        for (int i = 0; i < weights.length; i++) {
            acc += weights[i];
            c[i] = acc;
        }
        return c;
    }
}
