package org.creditkit.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

import org.creditkit.core.input.BadLine;
import org.creditkit.core.input.StrictApplicationReader;
import org.creditkit.core.synth.LoanBookGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A loan book whose figures look plausible but cannot be true: months after the as-of date, days past due
 * older than the loan, and a month's sales or electricity in another unit than the rest of the series.
 */
class LoanBookPlausibilityTest {

    private static final List<LoanBookGenerator.GeneratedLoan> BOOK = SyntheticBook.generate(40, 9, 0.5);
    /** After every month of the synthetic book (applications of 2024, at most 24 months). */
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 2);

    private record Read(List<LoanBook.Loan> loans, List<BadLine> bad, LoanBook.ReadSummary summary) {
    }

    private static Read read(String text, LocalDate asOf) {
        List<LoanBook.Loan> loans = new ArrayList<>();
        List<BadLine> bad = new ArrayList<>();
        var s = LoanBook.read(new StringReader(text), StrictApplicationReader.standard(), asOf, loans::add, bad::add);
        return new Read(loans, bad, s);
    }

    private static List<String> lines() {
        return new ArrayList<>(SyntheticBook.jsonLines(BOOK).lines().toList());
    }

    private static long monthCount() {
        return BOOK.stream().mapToLong(g -> g.months().size()).sum();
    }

    // ------------------------------------------------------------------ the as-of date

    @Test
    void theSyntheticBook_readAsOfAfterItsLastMonth_isClean() {
        Read r = read(SyntheticBook.jsonLines(BOOK), AS_OF);
        assertThat(r.bad()).isEmpty();
        assertThat(r.summary().months()).isEqualTo(monthCount());
    }

    @Test
    void monthsAfterTheAsOfDate_areRefusedNamingTheLatestValidMonth_andTheEarlierMonthsAreMonitored() {
        var first = BOOK.get(0);
        YearMonth latest = first.loan().bookedMonth().plusMonths(3);
        LocalDate asOf = latest.atDay(10);
        Read r = read(String.join("\n", lines()), asOf);
        // line 1 is the loan, line 2 month 0, ... line 5 month 3 (extracted at its end, after the 10th)
        BadLine month3 = r.bad().stream().filter(b -> b.lineNumber() == 5).findFirst().orElseThrow();
        assertThat(month3.toString()).contains("$.dataAsOf: " + latest.atEndOfMonth() + " is after the as-of date "
                + asOf, "valid: " + asOf + " or earlier");
        BadLine month4 = r.bad().stream().filter(b -> b.lineNumber() == 6).findFirst().orElseThrow();
        assertThat(month4.toString()).startsWith("line 6: $.month: " + latest.plusMonths(1) + " is after the as-of date "
                + asOf).contains("valid: " + latest + " or earlier (the latest month as of " + asOf + ")");
        LoanBook.Loan loan = r.loans().stream().filter(l -> l.loan().loanId().equals(first.loan().loanId()))
                .findFirst().orElseThrow();
        assertThat(loan.months()).hasSize(3).allSatisfy(m -> assertThat(m.month().isAfter(latest)).isFalse());
        assertThat(r.summary().months() + r.bad().size()).isEqualTo(monthCount() + (BOOK.size() - r.loans().size()));
    }

    @Test
    void aBookShiftedIntoTheFuture_readWithoutAnAsOfDate_isRefusedAgainstToday() {
        LocalDate today = LoanBook.today();
        int shift = today.getYear() + 3 - 2024;
        String shifted = shiftYears(SyntheticBook.jsonLines(List.of(BOOK.get(0))), shift);
        List<BadLine> bad = new ArrayList<>();
        List<LoanBook.Loan> loans = new ArrayList<>();
        LoanBook.read(new StringReader(shifted), StrictApplicationReader.standard(), loans::add, bad::add);
        assertThat(loans).isEmpty();
        assertThat(bad.get(0).toString()).startsWith("line 1: $.bookedMonth:").contains("is after the as-of date "
                + today, "a loan cannot be booked in a month that has not begun", "valid: " + YearMonth.from(today)
                + " or earlier");
        assertThat(bad).hasSize(1 + BOOK.get(0).months().size());
    }

    /** Moves the booking month, the months and the extraction dates (not the application) by whole years. */
    private static String shiftYears(String book, int years) {
        UnaryOperator<String> move = line -> {
            var m = java.util.regex.Pattern.compile("\"(bookedMonth|month|dataAsOf)\":\"(\\d{4})-").matcher(line);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, "\"" + m.group(1) + "\":\"" + (Integer.parseInt(m.group(2)) + years) + "-");
            }
            m.appendTail(sb);
            return sb.toString().replace("-02-29\"", "-02-28\"");
        };
        return String.join("\n", book.lines().map(move).toList());
    }

    @Test
    void daysPastDueOlderThanTheLoan_areRefusedWithTheDateTheyImply() {
        List<String> lines = lines();
        var first = BOOK.get(0).loan();
        lines.set(1, lines.get(1).replaceFirst("\"loanDaysPastDue\":\\d+", "\"loanDaysPastDue\":95"));
        Read r = read(String.join("\n", lines), AS_OF);
        long max = java.time.temporal.ChronoUnit.DAYS.between(first.bookedMonth().atDay(1),
                first.bookedMonth().atEndOfMonth());
        assertThat(r.bad()).hasSize(1);
        assertThat(r.bad().get(0).toString()).startsWith("line 2: $.loanDaysPastDue: 95 days past due at the end of "
                + first.bookedMonth()).contains("before the loan was booked (" + first.bookedMonth() + ")",
                "valid: at most " + max);
    }

    // ------------------------------------------------------------------ units

    private static String setFigure(String line, String field, UnaryOperator<Double> f) {
        var m = java.util.regex.Pattern.compile("\"" + field + "\":([0-9.Ee+-]+)").matcher(line);
        assertThat(m.find()).as(field + " in " + line).isTrue();
        double v = Double.parseDouble(m.group(1));
        return line.substring(0, m.start(1)) + f.apply(v) + line.substring(m.end(1));
    }

    /** The first loan of the book with sales in every month, and its index. */
    private static int loanWithSales(int minMonths) {
        for (int i = 0; i < BOOK.size(); i++) {
            var g = BOOK.get(i);
            if (g.months().size() >= minMonths && g.months().stream().allMatch(m -> m.taxSales().isPresent())
                    && g.loan().application().sources().tax().isPresent()) {
                return i;
            }
        }
        throw new AssertionError("no loan with sales in " + minMonths + " months");
    }

    private static int firstLine(int loan) {
        int line = 1;
        for (int i = 0; i < loan; i++) {
            line += 1 + BOOK.get(i).months().size();
        }
        return line;
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"100; fen instead of CNY; times above; by 100 (",
            "0.0001; ten-thousand CNY (万元) instead of CNY; times below; by 10,000 (",
            "0.001; thousand CNY (千元) instead of CNY; times below; by 1,000 ("})
    void oneMonthsSalesInAnotherUnit_isRefusedOnItsLineWithTheValues(double factor, String hint, String times,
            String by) {
        int loan = loanWithSales(8);
        int line = firstLine(loan) + 1 + 5; // month 5
        List<String> lines = lines();
        double original = BOOK.get(loan).months().get(5).taxSales().getAsDouble();
        lines.set(line - 1, setFigure(lines.get(line - 1), "taxSales", v -> v * factor));
        Read r = read(String.join("\n", lines), AS_OF);
        assertThat(r.bad()).hasSize(1);
        String msg = r.bad().get(0).toString();
        assertThat(msg).startsWith("line " + line + ": $.taxSales: ").contains(times, by + hint, "?) rather than a real change",
                "$.application.sources.tax.declaredSales", "valid: CNY like the rest of the series");
        assertThat(Math.abs(Double.parseDouble(msg.replaceAll("(?s).*valid: CNY like the rest of the series \\(([0-9.]+)"
                + " here.*", "$1")) - original)).isLessThan(1.0);
        var read = r.loans().stream().filter(l -> l.loan().loanId().equals(BOOK.get(loan).loan().loanId())).findFirst()
                .orElseThrow();
        assertThat(read.months()).hasSize(BOOK.get(loan).months().size() - 1);
        assertThat(r.summary().months()).isEqualTo(monthCount() - 1);
        assertThat(r.summary().badLines()).isEqualTo(1);
    }

    @Test
    void aMonthTwentyTimesTheUsual_isARealChangeNotAUnit_andIsKept() {
        int loan = loanWithSales(8);
        int line = firstLine(loan) + 1 + 5;
        List<String> lines = lines();
        lines.set(line - 1, setFigure(lines.get(line - 1), "taxSales", v -> v * 20));
        Read r = read(String.join("\n", lines), AS_OF);
        assertThat(r.bad()).isEmpty();
    }

    @Test
    void salesSwitchingToFenMidBook_everyMonthAfterTheSwitchIsRefused() {
        int loan = loanWithSales(10);
        int months = BOOK.get(loan).months().size();
        int first = firstLine(loan);
        List<String> lines = lines();
        for (int k = 4; k < months; k++) {
            lines.set(first + k, setFigure(lines.get(first + k), "taxSales", v -> v * 100));
        }
        Read r = read(String.join("\n", lines), AS_OF);
        assertThat(r.bad()).hasSize(months - 4);
        assertThat(r.bad()).allSatisfy(b -> assertThat(b.toString()).contains("$.taxSales", "fen instead of CNY"));
        assertThat(r.bad().get(0).lineNumber()).isEqualTo(first + 1 + 4);
    }

    @Test
    void electricityInWh_isRefused() {
        int loan = -1;
        for (int i = 0; i < BOOK.size() && loan < 0; i++) {
            var g = BOOK.get(i);
            if (g.months().size() > 6 && g.months().get(6).electricity().isPresent()
                    && g.loan().application().sources().utilities().isPresent()) {
                loan = i;
            }
        }
        assertThat(loan).isNotNegative();
        int line = firstLine(loan) + 1 + 6;
        List<String> lines = lines();
        lines.set(line - 1, setFigure(lines.get(line - 1), "electricity", v -> v * 1000));
        Read r = read(String.join("\n", lines), AS_OF);
        assertThat(r.bad()).hasSize(1);
        assertThat(r.bad().get(0).toString()).startsWith("line " + line + ": $.electricity:").contains("Wh instead of kWh",
                "valid: kWh like the rest of the series");
    }

    @Test
    void volatileButRealSeries_areNeverFlagged() {
        // 3,000 applications of another seed, every approved PD: the generator's dips, distress and noise
        var book = SyntheticBook.generate(3000, 23, 1.0);
        Read r = read(SyntheticBook.jsonLines(book), AS_OF);
        assertThat(r.bad()).isEmpty();
        // a far more volatile series than the generator's and its baseline (lognormal sigma 0.5, 5% of months
        // at 0, a December three times the other months that the application's series never showed)
        SplittableRandom rnd = new SplittableRandom(5);
        int flagged = 0;
        for (var g : book.subList(0, 1500)) {
            List<LoanMonth> months = new ArrayList<>();
            for (LoanMonth m : g.months()) {
                double noise = Math.exp(0.5 * gaussian(rnd));
                double season = m.month().getMonthValue() == 12 ? 3 : 1;
                OptionalDouble sales = m.taxSales().isEmpty() || rnd.nextDouble() < 0.05 ? OptionalDouble.of(0)
                        : OptionalDouble.of(m.taxSales().getAsDouble() * noise * season);
                months.add(new LoanMonth(m.loanId(), m.month(), m.monthsOnBook(), sales, m.insuredHeadcount(),
                        m.socialInsuranceArrears(), m.electricity(), m.newCourtCases(), m.newEnforcementCases(),
                        m.dishonestListed(), m.newPenalties(), m.seriousPenalty(), m.bankOverdueDays(),
                        m.supplyChainRating(), m.loanDaysPastDue(), m.dataAsOf()));
            }
            var found = UnitJumps.find(g.loan(), months);
            flagged += found.size();
        }
        assertThat(flagged).isZero();
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
