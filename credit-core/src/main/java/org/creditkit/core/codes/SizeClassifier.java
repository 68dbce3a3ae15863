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
