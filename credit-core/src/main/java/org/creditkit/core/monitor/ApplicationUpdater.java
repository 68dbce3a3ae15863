package org.creditkit.core.monitor;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

import org.creditkit.core.domain.BankCreditRecord;
import org.creditkit.core.domain.CourtRecord;
import org.creditkit.core.domain.DishonestListing;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.domain.MonthlySeries;
import org.creditkit.core.domain.Penalty;
import org.creditkit.core.domain.PenaltyRecord;
import org.creditkit.core.domain.PenaltySeverity;
import org.creditkit.core.domain.Provenance;
import org.creditkit.core.domain.SocialInsuranceRecord;
import org.creditkit.core.domain.SourceData;
import org.creditkit.core.domain.SupplyChainLink;
import org.creditkit.core.domain.TaxRecord;
import org.creditkit.core.domain.UtilityRecord;

/**
 * Rolls a loan's origination application forward with its monthly updates, so the loan can be re-scored
 * and re-limited with the current model and policy as if it applied again at a month end (quarterly
 * re-evaluation, or re-scoring after a data change).
 *
 * <p>What changes: monthly series (tax sales and tax paid, insured headcount, electricity and water) are
 * extended with the reported months while they stay consecutive (a month a source did not report ends
 * that source's series there, never a zero); court cases, enforcement cases and penalties accumulate; a
 * dishonest listing is added when the month reports one; bank overdue days take the worse of the other
 * banks' and this loan's; the supply-chain core rating is the latest. Two figures the monthly feed does
 * not carry are approximated and documented in docs/monitoring.md: tax paid follows sales at the
 * origination tax-to-sales ratio, water follows electricity at its origination ratio, and arrears reported
 * as a flag are valued at one month of contributions ({@value #ARREARS_PER_HEAD} CNY per insured head).
 */
public final class ApplicationUpdater {

    /** CNY of arrears per insured head when the monthly feed flags arrears without an amount. */
    public static final int ARREARS_PER_HEAD = 1_200;

    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final String SYSTEM = "post-loan-monitoring";

    private ApplicationUpdater() {
    }

    /**
     * The application as of the end of the last month given.
     *
     * @param loan   the booked loan
     * @param months its months from the booking month, in order (at least one)
     * @return the rolled-forward application, dated the first instant after the last month (China time)
     * @throws IllegalArgumentException if {@code months} is empty or belongs to another loan
     */
    public static LoanApplication rollForward(BookedLoan loan, List<LoanMonth> months) {
        if (months.isEmpty()) {
            throw new IllegalArgumentException("loan " + loan.loanId() + ": at least one month is needed");
        }
        for (LoanMonth m : months) {
            if (!m.loanId().equals(loan.loanId())) {
                throw new IllegalArgumentException("month of loan " + m.loanId() + " given for loan " + loan.loanId());
            }
        }
        LoanApplication app = loan.application();
        LoanMonth last = months.get(months.size() - 1);
        YearMonth lastMonth = last.month();
        Instant asOf = lastMonth.atEndOfMonth().atTime(23, 59, 59).toInstant(CHINA);
        Instant time = lastMonth.plusMonths(1).atDay(1).atStartOfDay().toInstant(CHINA);
        SourceData s = app.sources();
        SourceData.Builder b = SourceData.builder();

        s.tax().ifPresentOrElse(t -> {
            double[] sales = extend(t.declaredSales(), months, LoanMonth::taxSales);
            double ratio = ratio(t.taxPaid(), t.declaredSales());
            double[] paid = scaled(t.taxPaid(), sales, t.declaredSales().length(), ratio);
            b.tax(new TaxRecord(Provenance.of(t.provenance().sourceSystem(), asOfFor(t.declaredSales(), sales, asOf, t.provenance().asOf())),
                    MonthlySeries.of(t.declaredSales().firstMonth(), sales),
                    MonthlySeries.of(t.declaredSales().firstMonth(), paid), t.ratings(), t.majorViolationListings()));
        }, () -> { });
        s.socialInsurance().ifPresent(si -> {
            double[] heads = extend(si.insuredHeadcount(), months, LoanMonth::insuredHeadcount);
            BigDecimal arrears = last.socialInsuranceArrears()
                    ? BigDecimal.valueOf((long) Math.max(1, heads.length == 0 ? 1 : heads[heads.length - 1])
                            * ARREARS_PER_HEAD).setScale(2)
                    : BigDecimal.ZERO.setScale(2);
            b.socialInsurance(new SocialInsuranceRecord(Provenance.of(si.provenance().sourceSystem(),
                    asOfFor(si.insuredHeadcount(), heads, asOf, si.provenance().asOf())),
                    MonthlySeries.of(si.insuredHeadcount().firstMonth(), heads), arrears));
        });
        s.utilities().ifPresent(u -> {
            double[] kwh = extend(u.electricity(), months, LoanMonth::electricity);
            double ratio = ratio(u.water(), u.electricity());
            b.utilities(new UtilityRecord(Provenance.of(u.provenance().sourceSystem(),
                    asOfFor(u.electricity(), kwh, asOf, u.provenance().asOf())),
                    MonthlySeries.of(u.electricity().firstMonth(), kwh),
                    MonthlySeries.of(u.water().firstMonth(), scaled(u.water(), kwh, u.electricity().length(), ratio))));
        });
        s.customs().ifPresent(b::customs);
        s.intellectualProperty().ifPresent(b::intellectualProperty);
        s.financials().ifPresent(b::financials);
        s.carbon().ifPresent(b::carbon);

        int newCases = 0;
        int newEnforcement = 0;
        LocalDate listedOn = null;
        List<Penalty> newPenalties = new ArrayList<>();
        int worstOverdue = 0;
        for (LoanMonth m : months) {
            newCases += m.newCourtCases();
            newEnforcement += m.newEnforcementCases();
            if (m.dishonestListed() && listedOn == null) {
                listedOn = m.month().atEndOfMonth();
            }
            for (int i = 0; i < m.newPenalties(); i++) {
                PenaltySeverity sev = m.seriousPenalty() && i == 0 ? PenaltySeverity.SERIOUS : PenaltySeverity.GENERAL;
                newPenalties.add(new Penalty(m.month().atEndOfMonth(), sev, BigDecimal.valueOf(10_000).setScale(2)));
            }
            worstOverdue = Math.max(worstOverdue, Math.max(m.bankOverdueDays(), m.loanDaysPastDue()));
        }
        boolean stillListed = last.dishonestListed();
        final LocalDate listed = stillListed ? listedOn : null;
        final int cases = newCases;
        final int enforcement = newEnforcement;
        if (s.courts().isPresent() || cases > 0 || enforcement > 0 || listed != null) {
            CourtRecord c = s.courts().orElse(null);
            List<DishonestListing> listings = new ArrayList<>(c == null ? List.of() : c.dishonestListings());
            if (listed != null && listings.stream().noneMatch(l -> l.repaired().isEmpty())) {
                listings.add(new DishonestListing(listed, Optional.empty()));
            }
            b.courts(new CourtRecord(Provenance.of(c == null ? SYSTEM : c.provenance().sourceSystem(), asOf),
                    (c == null ? 0 : c.casesAsDefendant()) + cases, c == null ? 0 : c.unansweredCases(),
                    (c == null ? 0 : c.enforcementCases()) + enforcement, listings));
        }
        if (s.penalties().isPresent() || !newPenalties.isEmpty()) {
            List<Penalty> all = new ArrayList<>(s.penalties().map(PenaltyRecord::penalties).orElse(List.of()));
            all.addAll(newPenalties);
            b.penalties(new PenaltyRecord(Provenance.of(s.penalties().map(p -> p.provenance().sourceSystem())
                    .orElse(SYSTEM), asOf), all,
                    s.penalties().map(PenaltyRecord::abnormalOperationListings).orElse(List.of()),
                    s.penalties().map(PenaltyRecord::seriousViolationListings).orElse(List.of())));
        }
        int current = Math.max(last.bankOverdueDays(), last.loanDaysPastDue());
        BankCreditRecord bc = s.bankCredit().orElse(null);
        int worst = Math.max(bc == null ? 0 : bc.maxDaysOverdue24m(), Math.max(worstOverdue, current));
        b.bankCredit(new BankCreditRecord(Provenance.of(bc == null ? SYSTEM : bc.provenance().sourceSystem(), asOf),
                Math.max(1, bc == null ? 1 : bc.activeLoans()),
                bc == null ? loan.amount() : bc.outstandingBalance(), current, worst,
                (bc == null ? 0 : bc.monthsOfHistory()) + months.size()));
        s.supplyChain().ifPresent(sc -> b.supplyChain(new SupplyChainLink(
                Provenance.of(sc.provenance().sourceSystem(), last.supplyChainRating().isPresent() ? asOf : sc.provenance().asOf()),
                sc.coreEnterprise(), last.supplyChainRating().orElse(sc.coreRating()),
                sc.relationshipMonths() + months.size(), sc.confirmedReceivables())));

        return new LoanApplication(app.id() + "@" + lastMonth, time, app.product(), app.amount(), app.termMonths(),
                app.purpose(), app.guarantee(), app.dataUseConsent(), app.enterprise(), b.build());
    }

    /** The origination series plus the reported months while they are consecutive with it. */
    private static double[] extend(MonthlySeries series, List<LoanMonth> months,
                                   Function<LoanMonth, OptionalDouble> field) {
        double[] out = Arrays.copyOf(series.values(), series.length() + months.size());
        int n = series.length();
        YearMonth next = series.lastMonth().plusMonths(1);
        for (LoanMonth m : months) {
            if (m.month().isBefore(next)) {
                continue;
            }
            OptionalDouble v = field.apply(m);
            if (!m.month().equals(next) || v.isEmpty()) {
                break;
            }
            out[n++] = v.getAsDouble();
            next = next.plusMonths(1);
        }
        return Arrays.copyOf(out, n);
    }

    private static Instant asOfFor(MonthlySeries origin, double[] extended, Instant asOf, Instant originAsOf) {
        return extended.length > origin.length() ? asOf : originAsOf;
    }

    private static double ratio(MonthlySeries part, MonthlySeries whole) {
        double p = 0;
        double w = 0;
        int n = Math.min(12, Math.min(part.length(), whole.length()));
        for (int i = 1; i <= n; i++) {
            p += part.get(part.length() - i);
            w += whole.get(whole.length() - i);
        }
        return w > 0 ? p / w : 0;
    }

    /** {@code original} extended by {@code ratio} times the new part of {@code driver}. */
    private static double[] scaled(MonthlySeries original, double[] driver, int driverOrigin, double ratio) {
        int added = driver.length - driverOrigin;
        double[] out = Arrays.copyOf(original.values(), original.length() + Math.max(0, added));
        for (int i = 0; i < added; i++) {
            out[original.length() + i] = driver[driverOrigin + i] * ratio;
        }
        return out;
    }
}
