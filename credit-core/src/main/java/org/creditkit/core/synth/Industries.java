package org.creditkit.core.synth;

import java.util.List;
import org.creditkit.core.codes.IndustryCode;

/**
 * The industry mix of the synthetic portfolio and each industry's economics. Figures are plausible
 * orders of magnitude for Chinese SMEs, not statistics of any real portfolio; docs/synthetic-portfolio.md
 * lists them.
 */
final class Industries {

    /** Seasonal profiles, January first. */
    static final double[] FLAT = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    static final double[] MANUFACTURING = {0.95, 0.7, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.05, 1.05, 1.1, 1.15};
    static final double[] RETAIL = {1.25, 1.15, 0.9, 0.9, 0.95, 0.95, 0.9, 0.9, 0.95, 1.0, 1.15, 1.1};
    static final double[] CATERING = {1.2, 1.25, 0.9, 0.95, 1.0, 0.95, 1.0, 1.0, 0.95, 1.1, 0.85, 0.95};
    static final double[] CONSTRUCTION = {0.8, 0.5, 0.9, 1.05, 1.1, 1.1, 1.05, 1.05, 1.1, 1.1, 1.1, 1.15};
    /** Harvest-driven: low in spring, peak in September/October. */
    static final double[] AGRICULTURE = {0.6, 0.5, 0.6, 0.8, 0.9, 1.0, 1.0, 1.1, 1.5, 1.7, 1.3, 1.0};

    /** Which industry-specific driver of the default process applies. */
    enum Driver { NONE, TECHNOLOGY, HIGH_TECH_MANUFACTURING, CONTINUITY, SEASONALITY, CARBON }

    /**
     * One industry group.
     *
     * @param codes          divisions drawn uniformly
     * @param weight         share of applications (percent)
     * @param riskOffset     industry term of the true log-odds
     * @param medianRevenue  median annual revenue, CNY
     * @param revenuePerHead revenue per employee, CNY
     * @param assetRatio     total assets over revenue
     * @param taxRate        tax paid over sales
     * @param kwhPer10k      electricity per 10,000 CNY of sales
     * @param carbonPer10k   tCO2e per 10,000 CNY of revenue (industry norm)
     * @param pCarbon        share with a carbon record
     * @param pCustoms       share with customs declarations
     * @param pIp            share with a patent/trademark record
     * @param pSupplyChain   share linked to a core enterprise
     * @param season         seasonal profile
     * @param driver         industry-specific risk driver
     * @param nameWord       Chinese business word in generated names
     */
    record Spec(List<IndustryCode> codes, double weight, double riskOffset, double medianRevenue,
                double revenuePerHead, double assetRatio, double taxRate, double kwhPer10k, double carbonPer10k,
                double pCarbon, double pCustoms, double pIp, double pSupplyChain, double[] season, Driver driver,
                String nameWord) {
    }

    static final List<Spec> ALL = List.of(
            spec("C13 C14 C17 C18 C19 C20 C21 C22 C24 C29 C30 C33", 17, 0.00, 6e6, 5e5, 0.9, 0.035, 300, 0.25,
                    0.30, 0.25, 0.40, 0.14, MANUFACTURING, Driver.CARBON, "制造"),
            spec("C26 C27 C34 C35 C38 C39 C40", 12, -0.05, 8e6, 6e5, 1.0, 0.035, 220, 0.2,
                    0.25, 0.30, 0.65, 0.16, MANUFACTURING, Driver.HIGH_TECH_MANUFACTURING, "电子科技"),
            spec("F51", 12, 0.10, 9e6, 1.5e6, 0.45, 0.012, 30, 0.02, 0.03, 0.18, 0.15, 0.12, RETAIL,
                    Driver.NONE, "贸易"),
            spec("F52", 12, -0.45, 2.5e6, 4e5, 0.4, 0.015, 60, 0.03, 0.02, 0.03, 0.12, 0.04, RETAIL,
                    Driver.CONTINUITY, "商贸"),
            spec("H61 H62", 8, -0.75, 1.8e6, 2e5, 0.6, 0.03, 150, 0.08, 0.03, 0.0, 0.10, 0.01, CATERING,
                    Driver.CONTINUITY, "餐饮"),
            spec("I63 I64 I65", 7, -0.05, 4e6, 5e5, 0.8, 0.04, 25, 0.01, 0.02, 0.05, 0.85, 0.05, FLAT,
                    Driver.TECHNOLOGY, "信息技术"),
            spec("M73 M74 M75", 4, -0.10, 3e6, 4e5, 0.9, 0.04, 30, 0.01, 0.02, 0.04, 0.80, 0.04, FLAT,
                    Driver.TECHNOLOGY, "科技"),
            spec("A01 A02 A03 A04 A05", 6, 0.30, 2.5e6, 3e5, 1.2, 0.01, 80, 0.3, 0.10, 0.06, 0.08, 0.08,
                    AGRICULTURE, Driver.SEASONALITY, "农业"),
            spec("E47 E48 E49 E50", 7, 0.35, 1e7, 8e5, 1.1, 0.03, 50, 0.15, 0.12, 0.01, 0.15, 0.10,
                    CONSTRUCTION, Driver.NONE, "建筑工程"),
            spec("G54 G58 G59 G60", 5, 0.15, 5e6, 6e5, 1.0, 0.025, 60, 0.35, 0.25, 0.08, 0.05, 0.12, FLAT,
                    Driver.CARBON, "物流"),
            spec("L71 L72", 5, 0.10, 3e6, 5e5, 0.9, 0.04, 20, 0.01, 0.02, 0.02, 0.12, 0.04, FLAT,
                    Driver.NONE, "商务服务"),
            spec("O80 O81 O82", 3, 0.20, 1.2e6, 1.5e5, 0.6, 0.03, 60, 0.03, 0.02, 0.0, 0.05, 0.01, FLAT,
                    Driver.NONE, "服务"),
            spec("D44 D45 D46", 0.5, -0.10, 2e7, 1.5e6, 3.0, 0.04, 400, 2.0, 0.90, 0.0, 0.20, 0.05, FLAT,
                    Driver.CARBON, "能源"),
            spec("K70", 0.5, 0.45, 1.5e7, 2e6, 4.0, 0.05, 20, 0.02, 0.02, 0.0, 0.05, 0.02, FLAT,
                    Driver.NONE, "置业"),
            spec("P83 Q84 R86 R89", 1.0, 0.05, 2.5e6, 2.5e5, 1.0, 0.03, 40, 0.02, 0.02, 0.0, 0.10, 0.01, FLAT,
                    Driver.NONE, "文化健康"));

    static final double[] CUMULATIVE;

    static {
        double[] w = new double[ALL.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = ALL.get(i).weight();
        }
        CUMULATIVE = Rng.cumulative(w);
    }

    private Industries() {
    }

    private static Spec spec(String codes, double weight, double riskOffset, double medianRevenue,
                             double revenuePerHead, double assetRatio, double taxRate, double kwhPer10k,
                             double carbonPer10k, double pCarbon, double pCustoms, double pIp, double pSupplyChain,
                             double[] season, Driver driver, String nameWord) {
        List<IndustryCode> list = java.util.Arrays.stream(codes.split(" ")).map(IndustryCode::of).toList();
        return new Spec(list, weight, riskOffset, medianRevenue, revenuePerHead, assetRatio, taxRate, kwhPer10k,
                carbonPer10k, pCarbon, pCustoms, pIp, pSupplyChain, season, driver, nameWord);
    }
}
