package org.creditkit.core.codes;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Size class by the 2011 SME classification standard (工信部联企业〔2011〕300号《中小企业划型标准规定》).
 *
 * <p>For each industry the standard gives, per class, thresholds on employees, operating revenue
 * and (construction, real estate, leasing) total assets. An enterprise is medium when it meets
 * every medium threshold, else small when it meets every small threshold, else micro; it is large
 * when it meets every "upper bound" of the SME range (the standard's "以下" limits) at once.
 * Industries the standard does not list use its "other" row (employees only).
 *
 * <p>The rows, amounts in 10,000 CNY (万元), "E" employees, "R" revenue, "A" total assets; a class
 * needs every threshold of its row ("及以上 ... 且 ..."), large needs every upper bound:
 * <table>
 * <caption>2011 standard rows as applied to GB/T 4754-2017 divisions</caption>
 * <tr><th>industry (divisions)</th><th>large</th><th>medium</th><th>small</th></tr>
 * <tr><td>agriculture A01-05</td><td>R 20000</td><td>R 500</td><td>R 50</td></tr>
 * <tr><td>industry B06-D46</td><td>E 1000, R 40000</td><td>E 300, R 2000</td><td>E 20, R 300</td></tr>
 * <tr><td>construction E47-50</td><td>R 80000, A 80000</td><td>R 6000, A 5000</td><td>R 300, A 300</td></tr>
 * <tr><td>wholesale F51</td><td>E 200, R 40000</td><td>E 20, R 5000</td><td>E 5, R 1000</td></tr>
 * <tr><td>retail F52</td><td>E 300, R 20000</td><td>E 50, R 500</td><td>E 10, R 100</td></tr>
 * <tr><td>transport G54-58 (railways G53 excluded by the standard: "other" row)</td>
 *     <td>E 1000, R 30000</td><td>E 300, R 3000</td><td>E 20, R 200</td></tr>
 * <tr><td>storage G59</td><td>E 200, R 30000</td><td>E 100, R 1000</td><td>E 20, R 100</td></tr>
 * <tr><td>postal G60</td><td>E 1000, R 30000</td><td>E 300, R 2000</td><td>E 20, R 100</td></tr>
 * <tr><td>accommodation and catering H61-62</td><td>E 300, R 10000</td><td>E 100, R 2000</td><td>E 10, R 100</td></tr>
 * <tr><td>information transmission I63-64</td><td>E 2000, R 100000</td><td>E 100, R 1000</td><td>E 10, R 100</td></tr>
 * <tr><td>software and IT services I65</td><td>E 300, R 10000</td><td>E 100, R 1000</td><td>E 10, R 50</td></tr>
 * <tr><td>real estate K70 (development row)</td><td>R 200000, A 10000</td><td>R 1000, A 5000</td><td>R 100, A 2000</td></tr>
 * <tr><td>leasing and business services L71-72</td><td>E 300, A 120000</td><td>E 100, A 8000</td><td>E 10, A 100</td></tr>
 * <tr><td>all other divisions</td><td>E 300</td><td>E 100</td><td>E 10</td></tr>
 * </table>
 *
 * <p>Limits of the division-level mapping: the standard's property-management row (物业管理, a group
 * inside K70) cannot be told apart from real-estate development at division level, so K70 always
 * uses the development row; finance (J) has its own 2015 standard and uses the "other" row here.
 */
public final class SizeClassifier {

    private SizeClassifier() {
    }

    /**
     * Classifies an enterprise.
     *
     * @param industry    GB/T 4754-2017 division
     * @param employees   number of employees (>= 0)
     * @param revenue     annual operating revenue in CNY (>= 0)
     * @param totalAssets total assets in CNY (>= 0); used for construction, real estate development and leasing
     * @return the size class
     * @throws IllegalArgumentException on negative inputs
     */
    public static SizeClass classify(IndustryCode industry, int employees, BigDecimal revenue, BigDecimal totalAssets) {
        Objects.requireNonNull(industry, "industry");
        if (employees < 0 || revenue.signum() < 0 || totalAssets.signum() < 0) {
            throw new IllegalArgumentException("employees, revenue and total assets must be >= 0");
        }
        double rev = revenue.doubleValue() / 10_000d;
        double assets = totalAssets.doubleValue() / 10_000d;
        int div = Integer.parseInt(industry.division());
        return switch (industry.section()) {
            case 'A' -> byAmount(rev, 20_000, 500, 50);
            case 'B', 'C', 'D' -> byEmployeesAndAmount(employees, rev, 1000, 40_000, 300, 2000, 20, 300);
            case 'E' -> byTwoAmounts(rev, assets, 80_000, 80_000, 6000, 5000, 300, 300);
            case 'F' -> div == 51
                    ? byEmployeesAndAmount(employees, rev, 200, 40_000, 20, 5000, 5, 1000)
                    : byEmployeesAndAmount(employees, rev, 300, 20_000, 50, 500, 10, 100);
            case 'G' -> switch (div) {
                case 53 -> byEmployees(employees, 300, 100, 10);
                case 59 -> byEmployeesAndAmount(employees, rev, 200, 30_000, 100, 1000, 20, 100);
                case 60 -> byEmployeesAndAmount(employees, rev, 1000, 30_000, 300, 2000, 20, 100);
                default -> byEmployeesAndAmount(employees, rev, 1000, 30_000, 300, 3000, 20, 200);
            };
            case 'H' -> byEmployeesAndAmount(employees, rev, 300, 10_000, 100, 2000, 10, 100);
            case 'I' -> div == 65
                    ? byEmployeesAndAmount(employees, rev, 300, 10_000, 100, 1000, 10, 50)
                    : byEmployeesAndAmount(employees, rev, 2000, 100_000, 100, 1000, 10, 100);
            case 'K' -> byTwoAmounts(rev, assets, 200_000, 10_000, 1000, 5000, 100, 2000);
            case 'L' -> byEmployeesAndAmount(employees, assets, 300, 120_000, 100, 8000, 10, 100);
            default -> byEmployees(employees, 300, 100, 10);
        };
    }

    /** Rows with employees AND an amount: "X人以下或Y万元以下" for the SME range. */
    private static SizeClass byEmployeesAndAmount(int emp, double amt, int largeEmp, double largeAmt,
                                                  int medEmp, double medAmt, int smallEmp, double smallAmt) {
        if (emp >= largeEmp && amt >= largeAmt) {
            return SizeClass.LARGE;
        }
        if (emp >= medEmp && amt >= medAmt) {
            return SizeClass.MEDIUM;
        }
        if (emp >= smallEmp && amt >= smallAmt) {
            return SizeClass.SMALL;
        }
        return SizeClass.MICRO;
    }

    /** Rows with two amounts (revenue and assets). */
    private static SizeClass byTwoAmounts(double rev, double assets, double largeRev, double largeAssets,
                                          double medRev, double medAssets, double smallRev, double smallAssets) {
        if (rev >= largeRev && assets >= largeAssets) {
            return SizeClass.LARGE;
        }
        if (rev >= medRev && assets >= medAssets) {
            return SizeClass.MEDIUM;
        }
        if (rev >= smallRev && assets >= smallAssets) {
            return SizeClass.SMALL;
        }
        return SizeClass.MICRO;
    }

    /** Agriculture: revenue only. */
    private static SizeClass byAmount(double rev, double large, double med, double small) {
        if (rev >= large) {
            return SizeClass.LARGE;
        }
        if (rev >= med) {
            return SizeClass.MEDIUM;
        }
        return rev >= small ? SizeClass.SMALL : SizeClass.MICRO;
    }

    /** Industries not listed: employees only. */
    private static SizeClass byEmployees(int emp, int large, int med, int small) {
        if (emp >= large) {
            return SizeClass.LARGE;
        }
        if (emp >= med) {
            return SizeClass.MEDIUM;
        }
        return emp >= small ? SizeClass.SMALL : SizeClass.MICRO;
    }
}
