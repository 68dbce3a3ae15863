package org.creditkit.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.creditkit.core.codes.EconomicZone;
import org.creditkit.core.codes.IndustryCatalogue;
import org.creditkit.core.codes.SizeClass;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.models.eval.Evaluation;

/** Counts of a portfolio by industry section, zone and size, with default rates and the oracle AUC. */
final class PortfolioSummary {

    private final Map<Character, double[]> sections = new TreeMap<>(); // n, defaults, labelled, sum truePd, with truePd
    private final Map<EconomicZone, Long> zones = new EnumMap<>(EconomicZone.class);
    private final Map<SizeClass, Long> sizes = new EnumMap<>(SizeClass.class);
    private double[] pd = new double[1024];
    private boolean[] defaulted = new boolean[1024];
    private int withPd;
    private long n;

    void add(LabeledApplication l) {
        var e = l.application().enterprise();
        n++;
        zones.merge(e.region().zone(), 1L, Long::sum);
        sizes.merge(e.sizeClass(), 1L, Long::sum);
        double[] s = sections.computeIfAbsent(e.industry().section(), k -> new double[5]);
        s[0]++;
        l.outcome().ifPresent(o -> {
            s[2]++;
            s[1] += o.defaulted12m() ? 1 : 0;
            o.truePd().ifPresent(p -> {
                s[3] += p;
                s[4]++;
                if (withPd == pd.length) {
                    pd = Arrays.copyOf(pd, pd.length * 2);
                    defaulted = Arrays.copyOf(defaulted, defaulted.length * 2);
                }
                pd[withPd] = p;
                defaulted[withPd++] = o.defaulted12m();
            });
        });
    }

    void print(PrintWriter out) {
        out.printf("%nBy industry section (GB/T 4754)%n");
        out.printf("  %-58s %8s %7s %9s %11s%n", "section", "n", "share", "defaults", "mean truePd");
        double[] total = new double[5];
        for (Map.Entry<Character, double[]> en : sections.entrySet()) {
            double[] s = en.getValue();
            for (int i = 0; i < 5; i++) {
                total[i] += s[i];
            }
            out.printf("  %-58s %,8d %6.1f%% %9s %11s%n",
                    en.getKey() + " " + shorten(IndustryCatalogue.sectionName(en.getKey()), 56), (long) s[0],
                    100 * s[0] / n, rate(s[1], s[2]), rate(s[3], s[4]));
        }
        out.printf("  %-58s %,8d %6.1f%% %9s %11s%n", "all", n, 100.0, rate(total[1], total[2]),
                rate(total[3], total[4]));
        out.printf("%nBy economic zone:");
        zones.forEach((z, c) -> out.printf("  %s %,d (%.1f%%)", z, c, 100.0 * c / n));
        out.printf("%nBy size class:   ");
        sizes.forEach((z, c) -> out.printf("  %s %,d (%.1f%%)", z, c, 100.0 * c / n));
        out.println();
        if (withPd > 0) {
            out.printf("Oracle AUC (truePd against the recorded outcome, the best any model can do): %.3f%n",
                    Evaluation.auc(Arrays.copyOf(pd, withPd), outcomes(Arrays.copyOf(defaulted, withPd))));
        }
        out.flush();
    }

    private static String rate(double num, double den) {
        return den == 0 ? "-" : String.format("%.2f%%", 100 * num / den);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    /** 1 for a recorded default, 0 otherwise, as {@link Evaluation} takes outcomes. */
    static int[] outcomes(boolean[] defaulted) {
        int[] y = new int[defaulted.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = defaulted[i] ? 1 : 0;
        }
        return y;
    }
}
