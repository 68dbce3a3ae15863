package org.creditkit.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.creditkit.core.input.BadLine;
import org.creditkit.core.input.StrictApplicationReader;
import org.creditkit.core.synth.LoanBookGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoanBookTest {

    private static final List<LoanBookGenerator.GeneratedLoan> BOOK = SyntheticBook.generate(40, 9, 0.5);

    private record Read(List<LoanBook.Loan> loans, List<BadLine> bad, LoanBook.ReadSummary summary) {
    }

    private static Read read(String text) {
        List<LoanBook.Loan> loans = new ArrayList<>();
        List<BadLine> bad = new ArrayList<>();
        var s = LoanBook.read(new StringReader(text), StrictApplicationReader.standard(), loans::add, bad::add);
        return new Read(loans, bad, s);
    }

    private static List<String> lines() {
        return new ArrayList<>(SyntheticBook.jsonLines(BOOK).lines().toList());
    }

    @Test
    void roundTrip_everyLoanAndMonthReadBackEqual() {
        Read r = read(SyntheticBook.jsonLines(BOOK));
        assertThat(r.bad()).isEmpty();
        assertThat(r.loans()).hasSize(BOOK.size());
        for (int i = 0; i < BOOK.size(); i++) {
            assertThat(r.loans().get(i).loan()).isEqualTo(BOOK.get(i).loan());
            assertThat(r.loans().get(i).months()).isEqualTo(BOOK.get(i).months());
        }
    }

    @Test
    void unknownFieldInAMonth_rejectsThatLineOnlyWithItsPathAndLine() {
        List<String> lines = lines();
        lines.set(2, lines.get(2).replace("\"type\":\"month\"", "\"type\":\"month\",\"taxSale\":1"));
        Read r = read(String.join("\n", lines));
        assertThat(r.bad()).hasSize(1);
        assertThat(r.bad().get(0).toString()).startsWith("line 3: $.taxSale: unknown field");
        assertThat(r.summary().months()).isEqualTo(BOOK.stream().mapToLong(g -> g.months().size()).sum() - 1);
    }

    @Test
    void rejectedOrigination_rejectsItsMonthsSayingWhyAndKeepsTheNextLoan() {
        List<String> lines = lines();
        lines.set(0, lines.get(0).replace("\"termMonths\":", "\"termMonths\":0,\"x\":"));
        Read r = read(String.join("\n", lines));
        int months = BOOK.get(0).months().size();
        assertThat(r.bad()).hasSize(1 + months);
        assertThat(r.bad().get(1).toString()).contains("origination line", "(line 1) was rejected");
        assertThat(r.loans()).hasSize(BOOK.size() - 1);
    }

    @Test
    void skippedAndRepeatedMonths_areNamed() {
        List<String> lines = lines();
        lines.remove(3); // the third month of the first loan
        Read r = read(String.join("\n", lines));
        assertThat(r.bad()).hasSize(1);
        assertThat(r.bad().get(0).toString()).contains("$.month", "skips");
        List<String> again = lines();
        again.add(3, again.get(2));
        Read r2 = read(String.join("\n", again));
        assertThat(r2.bad().get(0).toString()).contains("repeats or goes back");
    }

    @Test
    void byteOrderMark_isSkippedSoTheFirstLoanIsRead() {
        Read r = read("\uFEFF" + SyntheticBook.jsonLines(BOOK));
        assertThat(r.bad()).isEmpty();
        assertThat(r.loans()).hasSize(BOOK.size());
    }

    @Test
    void loanWithoutMonthLines_isRejectedOnItsLineInsteadOfCountedAsAClean() {
        List<String> lines = lines();
        int months = BOOK.get(0).months().size();
        List<String> noMonths = new ArrayList<>(lines);
        noMonths.subList(1, 1 + months).clear(); // the first loan's months lost
        Read r = read(String.join("\n", noMonths));
        assertThat(r.loans()).hasSize(BOOK.size() - 1);
        assertThat(r.bad()).singleElement().satisfies(b -> {
            assertThat(b.lineNumber()).isEqualTo(1);
            assertThat(b.toString()).contains("has no month lines", "booking month " + BOOK.get(0).loan().bookedMonth());
        });
        List<String> allBad = new ArrayList<>(lines);
        for (int i = 1; i <= months; i++) {
            allBad.set(i, allBad.get(i).replace("\"type\":\"month\"", "\"type\":\"month\",\"x\":1"));
        }
        Read r2 = read(String.join("\n", allBad));
        assertThat(r2.bad()).hasSize(months + 1);
        assertThat(r2.bad().get(months).toString()).startsWith("line 1:").contains("none of the " + months);
        assertThat(r2.loans()).hasSize(BOOK.size() - 1);
    }

    @Test
    void sameLoanTwice_theSecondIsRejectedWithItsMonthsNamingTheFirstLine() {
        List<String> lines = lines();
        int months = BOOK.get(0).months().size();
        List<String> again = new ArrayList<>(lines);
        again.addAll(lines.subList(0, 1 + months)); // the first loan and its months appended once more
        Read r = read(String.join("\n", again));
        assertThat(r.loans()).hasSize(BOOK.size());
        assertThat(r.bad()).hasSize(1 + months);
        assertThat(r.bad().get(0).lineNumber()).isEqualTo(lines.size() + 1);
        assertThat(r.bad().get(0).toString()).contains("$.loanId", "already booked on line 1");
        assertThat(r.bad().get(1).toString()).contains("origination line", "was rejected");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e2147483648", "1e-2147483648", "1e-999999999", "-5", "\"12\"", "1e400"})
    void hostileFigures_rejectTheLineWithoutAnException(String number) {
        List<String> lines = lines();
        lines.set(1, lines.get(1).replaceFirst("\"newCourtCases\":\\d+", "\"newCourtCases\":" + number));
        lines.set(2, lines.get(2).replaceFirst("\"electricity\":[0-9.E]+", "\"electricity\":" + number));
        Read r = read(String.join("\n", lines));
        assertThat(r.bad()).isNotEmpty();
        assertThat(r.bad().get(0).lineNumber()).isEqualTo(2);
        assertThat(r.bad().toString().length()).isLessThan(5_000);
    }

    @Test
    void amountWithSubFenDecimals_isRefused() {
        List<String> lines = lines();
        lines.set(0, lines.get(0).replaceFirst("\"amount\":[0-9.]+", "\"amount\":1000.005"));
        Read r = read(String.join("\n", lines));
        assertThat(r.bad().get(0).toString()).contains("$.amount", "two decimal places");
    }

    @Test
    void amountInFen_aboveTheAmountApplied_isRefusedWithBothAmounts() {
        List<String> lines = lines();
        var first = BOOK.get(0).loan();
        String fen = first.amount().movePointRight(2).toPlainString();
        lines.set(0, lines.get(0).replaceFirst("\"amount\":[0-9.]+", "\"amount\":" + fen));
        Read r = read(String.join("\n", lines));
        int months = BOOK.get(0).months().size();
        assertThat(r.bad()).hasSize(1 + months);
        assertThat(r.bad().get(0).toString()).startsWith("line 1: $.amount:").contains(
                "is above the amount applied for, " + first.application().amount().toPlainString(),
                "($.application.amount)", "100.0 times", "a loan is booked at most at the amount applied for",
                "amounts are CNY, not fen");
        assertThat(r.loans()).hasSize(BOOK.size() - 1);
    }

    @Test
    void bookedBeforeTheApplication_isRefusedNamingTheApplicationMonth() {
        List<String> lines = lines();
        var first = BOOK.get(0).loan();
        var early = first.bookedMonth().minusMonths(2);
        lines.set(0, lines.get(0).replace("\"bookedMonth\":\"" + first.bookedMonth() + "\"",
                "\"bookedMonth\":\"" + early + "\""));
        Read r = read(String.join("\n", lines));
        assertThat(r.bad().get(0).toString()).startsWith("line 1: $.bookedMonth:").contains(
                early + " is before the application", "($.application.applicationTime, month "
                        + first.bookedMonth() + " in China time)", "valid: " + first.bookedMonth() + " or later");
        assertThat(r.loans()).hasSize(BOOK.size() - 1);
    }

    @Test
    void notJson_isOneBadLineAndReadingGoesOn() {
        List<String> lines = lines();
        lines.add(1, "{\"type\":\"month\",");
        lines.add(1, "[1,2]");
        Read r = read(String.join("\n", lines));
        assertThat(r.bad()).hasSize(2);
        assertThat(r.loans()).hasSize(BOOK.size());
    }

    private static Read readBytes(byte[] bytes) {
        List<LoanBook.Loan> loans = new ArrayList<>();
        List<BadLine> bad = new ArrayList<>();
        var s = LoanBook.read(new ByteArrayInputStream(bytes), StrictApplicationReader.standard(), loans::add, bad::add);
        return new Read(loans, bad, s);
    }

    @Test
    void utf8Bytes_readAsTheSameBookAsCharacters() {
        String text = SyntheticBook.jsonLines(BOOK).replace("\n", "\r\n");
        Read chars = read(text);
        Read bytes = readBytes(text.getBytes(StandardCharsets.UTF_8));

        assertThat(bytes.bad()).isEmpty();
        assertThat(bytes.summary()).isEqualTo(chars.summary());
        assertThat(bytes.loans()).isEqualTo(chars.loans());
    }

    @Test
    void lineThatIsNotUtf8_isRejectedOnItsLineWithTheByteAndTheOtherLoansRead() {
        List<String> lines = lines();
        String first = lines.get(0);
        int at = first.indexOf("\"loanId\":\"") + 10;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = first.substring(0, at).getBytes(StandardCharsets.UTF_8);
        out.writeBytes(head);
        out.write(0xFF); // not UTF-8: read leniently it became U+FFFD and the loan was monitored under that id
        out.writeBytes((first.substring(at + 1) + "\n" + String.join("\n", lines.subList(1, lines.size())))
                .getBytes(StandardCharsets.UTF_8));

        Read r = readBytes(out.toByteArray());

        assertThat(r.bad().get(0).toString()).isEqualTo("line 1: $: line is not valid UTF-8 at byte " + (head.length + 1)
                + " of the line (0xff); valid: UTF-8 text (save the file as UTF-8, e.g. a spreadsheet's \"CSV UTF-8\");"
                + " a byte that is not UTF-8 would be read as U+FFFD, no longer the text in the file");
        assertThat(r.loans()).hasSize(BOOK.size() - 1);
        assertThat(r.loans()).noneMatch(l -> l.loan().loanId().contains("\uFFFD"));
    }

    @Test
    void loanIdWithHalfASurrogatePair_isRejectedAtItsPath() {
        List<String> lines = lines();
        String id = BOOK.get(1).loan().loanId();
        int next = 1 + BOOK.get(0).months().size();
        lines.set(next, lines.get(next).replace("\"loanId\":\"" + id + "\"", "\"loanId\":\"" + id + "\\ud800\""));

        Read r = read(String.join("\n", lines));

        assertThat(r.bad().get(0).lineNumber()).isEqualTo(next + 1);
        assertThat(r.bad().get(0).problems()).anySatisfy(p -> {
            assertThat(p.location()).isEqualTo("$.loanId");
            assertThat(p.message()).contains("unpaired UTF-16 surrogate");
        });
        assertThat(r.loans()).hasSize(BOOK.size() - 1);
    }
}
