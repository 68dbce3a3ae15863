package org.creditkit.core.monitor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.creditkit.core.CreditDataException;
import org.creditkit.core.Problem;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.input.ApplicationJson;
import org.creditkit.core.input.BadLine;
import org.creditkit.core.input.StrictApplicationReader;
import org.creditkit.core.input.Utf8;
import org.creditkit.core.input.Utf8Lines;

/**
 * The loan-book file: JSON Lines, one {@code "type":"loan"} line per booked loan followed by its
 * {@code "type":"month"} lines in month order (format in docs/monitoring.md). Read strictly, as
 * applications are: unknown fields, wrong types, out-of-range values and months out of order are
 * rejected with the line and JSON path; a bad line never stops the stream. A loan whose origination
 * line is bad has its month lines rejected too (each saying why), so nothing is silently dropped.
 */
public final class LoanBook {

    private static final long MAX_LINE_CHARS = 1 << 20;
    /** The longest line in bytes: {@link #MAX_LINE_CHARS} characters of at most 3 UTF-8 bytes each. */
    private static final int MAX_LINE_BYTES = (int) (3 * MAX_LINE_CHARS);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxNumberLength(40).maxStringLength(100_000).build());
    }

    private static final Set<String> LOAN_FIELDS = Set.of("type", "loanId", "bookedMonth", "amount", "termMonths",
            "application");
    private static final Set<String> MONTH_FIELDS = Set.of("type", "loanId", "month", "monthsOnBook", "taxSales",
            "insuredHeadcount", "socialInsuranceArrears", "electricity", "newCourtCases", "newEnforcementCases",
            "dishonestListed", "newPenalties", "seriousPenalty", "bankOverdueDays", "supplyChainRating",
            "loanDaysPastDue", "dataAsOf");

    private LoanBook() {
    }

    /** A booked loan with its months, as read. */
    public record Loan(BookedLoan loan, List<LoanMonth> months) {
        /** Copies the months. */
        public Loan {
            Objects.requireNonNull(loan, "loan");
            months = List.copyOf(months);
        }
    }

    /** Counts of a read. */
    public record ReadSummary(long lines, long loans, long months, long badLines) {
    }

    // ------------------------------------------------------------------ writing

    /**
     * Writes a loan's origination line.
     *
     * @param loan the loan
     * @param out  where to write (a line and {@code '\n'})
     * @throws UncheckedIOException if writing fails
     */
    public static void writeLoan(BookedLoan loan, Writer out) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "loan");
        n.put("loanId", loan.loanId());
        n.put("bookedMonth", loan.bookedMonth().toString());
        n.put("amount", loan.amount().setScale(2, java.math.RoundingMode.UNNECESSARY));
        n.put("termMonths", loan.termMonths());
        try {
            n.set("application", JSON.readTree(ApplicationJson.write(loan.application())));
            out.write(JSON.writeValueAsString(n));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes one month line.
     *
     * @param m   the month
     * @param out where to write (a line and {@code '\n'})
     * @throws UncheckedIOException if writing fails
     */
    public static void writeMonth(LoanMonth m, Writer out) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", "month");
        n.put("loanId", m.loanId());
        n.put("month", m.month().toString());
        n.put("monthsOnBook", m.monthsOnBook());
        m.taxSales().ifPresent(v -> n.put("taxSales", v));
        m.insuredHeadcount().ifPresent(v -> n.put("insuredHeadcount", v));
        n.put("socialInsuranceArrears", m.socialInsuranceArrears());
        m.electricity().ifPresent(v -> n.put("electricity", v));
        n.put("newCourtCases", m.newCourtCases());
        n.put("newEnforcementCases", m.newEnforcementCases());
        n.put("dishonestListed", m.dishonestListed());
        n.put("newPenalties", m.newPenalties());
        n.put("seriousPenalty", m.seriousPenalty());
        n.put("bankOverdueDays", m.bankOverdueDays());
        m.supplyChainRating().ifPresent(v -> n.put("supplyChainRating", v));
        n.put("loanDaysPastDue", m.loanDaysPastDue());
        n.put("dataAsOf", m.dataAsOf().toString());
        try {
            out.write(JSON.writeValueAsString(n));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ reading

    /**
     * Streams a book: each complete loan (its origination line and the month lines that follow it) goes to
     * {@code onLoan}, each rejected line to {@code onBad}. Memory holds one loan at a time, and the id
     * of every loan read: a loan id that comes again is rejected (with its month lines), naming the line
     * that booked it first, rather than counted twice.
     *
     * @param in     the book (not closed)
     * @param reader the strict reader for the embedded applications
     * @param onLoan receives each loan with its months
     * @param onBad  receives each rejected line
     * @return counts
     * @throws UncheckedIOException if reading fails
     */
    public static ReadSummary read(Reader in, StrictApplicationReader reader, Consumer<Loan> onLoan,
                                   Consumer<BadLine> onBad) {
        return read(in, reader, today(), onLoan, onBad);
    }

    /**
     * As {@link #read(Reader, StrictApplicationReader, Consumer, Consumer)}, as of a given date rather than
     * today: a booking month or a month after {@code asOf}'s month, or a {@code dataAsOf} after {@code asOf},
     * is rejected (a book shifted into the future read as a clean one).
     *
     * @param asOf the date the book is read as of; nothing in it may lie after
     */
    public static ReadSummary read(Reader in, StrictApplicationReader reader, LocalDate asOf, Consumer<Loan> onLoan,
                                   Consumer<BadLine> onBad) {
        Objects.requireNonNull(asOf, "asOf");
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        return read(() -> {
            String line = r.readLine();
            return line == null ? null : new Utf8Lines.Line(line, null);
        }, reader, asOf, onLoan, onBad);
    }

    /** Today's date in China time, the as-of date of a read that names none. */
    public static LocalDate today() {
        return LocalDate.now(Clock.system(LoanApplication.CHINA_TIME));
    }

    /**
     * As {@link #read(Reader, StrictApplicationReader, Consumer, Consumer)}, from UTF-8 bytes: lines end at
     * {@code \n} (a {@code \r} before it is dropped), and a line that is not valid UTF-8 is rejected on its
     * line with the byte where it stops being UTF-8, rather than read with U+FFFD in place of the bytes (a
     * loan id read that way is no longer the bank's).
     *
     * @param in the book (not closed)
     * @throws UncheckedIOException if reading fails
     */
    public static ReadSummary read(InputStream in, StrictApplicationReader reader, Consumer<Loan> onLoan,
                                   Consumer<BadLine> onBad) {
        return read(in, reader, today(), onLoan, onBad);
    }

    /**
     * As {@link #read(InputStream, StrictApplicationReader, Consumer, Consumer)}, as of a given date rather than
     * today (see {@link #read(Reader, StrictApplicationReader, LocalDate, Consumer, Consumer)}).
     *
     * @param asOf the date the book is read as of; nothing in it may lie after
     */
    public static ReadSummary read(InputStream in, StrictApplicationReader reader, LocalDate asOf,
                                   Consumer<Loan> onLoan, Consumer<BadLine> onBad) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(asOf, "asOf");
        return read(new Utf8Lines(in, MAX_LINE_BYTES, "line exceeds " + MAX_LINE_BYTES + " bytes; valid: at most "
                + MAX_LINE_CHARS + " characters per line")::next, reader, asOf, onLoan, onBad);
    }

    /** The lines of a book: the next one, its text or why it cannot be read, or null at the end. */
    private interface Lines {
        Utf8Lines.Line next() throws IOException;
    }

    private static ReadSummary read(Lines r, StrictApplicationReader reader, LocalDate asOf, Consumer<Loan> onLoan,
                                    Consumer<BadLine> onBad) {
        long lineNo = 0;
        long loans = 0;
        long monthCount = 0;
        long bad = 0;
        BookedLoan current = null;
        YearMonth expected = null;
        String rejectedLoan = null;
        long rejectedLoanLine = 0;
        long currentLine = 0;
        long monthLines = 0;
        List<LoanMonth> months = new ArrayList<>();
        List<Long> monthLineNos = new ArrayList<>();
        Map<String, Long> booked = new HashMap<>();
        try {
            for (Utf8Lines.Line raw = r.next(); raw != null; raw = r.next()) {
                lineNo++;
                if (raw.error() != null) {
                    onBad.accept(new BadLine(lineNo, List.of(Problem.of("$", raw.error()))));
                    bad++;
                    continue;
                }
                String line = raw.text();
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // a UTF-8 byte-order mark, as applications allow it
                }
                if (line.isBlank()) {
                    continue;
                }
                List<Problem> problems = new ArrayList<>();
                if (line.length() > MAX_LINE_CHARS) {
                    problems.add(Problem.of("$", "line is " + line.length() + " characters; at most " + MAX_LINE_CHARS));
                    onBad.accept(new BadLine(lineNo, problems));
                    bad++;
                    continue;
                }
                JsonNode root = parse(line, problems);
                String type = root == null ? null : text(root, "type", problems, true);
                if ("loan".equals(type)) {
                    if (current != null) {
                        Emitted e = emit(current, currentLine, monthLines, months, monthLineNos, onLoan, onBad);
                        loans += e.loans();
                        monthCount -= e.rejectedMonths();
                        bad += e.badLines();
                        months = new ArrayList<>();
                        monthLineNos = new ArrayList<>();
                    }
                    current = null;
                    currentLine = lineNo;
                    monthLines = 0;
                    BookedLoan loan = loan(root, reader, asOf, problems);
                    Long earlier = loan == null ? null : booked.putIfAbsent(loan.loanId(), lineNo);
                    if (earlier != null) {
                        // the same loan twice would be counted twice in every portfolio figure
                        problems.add(Problem.of("$.loanId", "loan '" + abbreviate(loan.loanId())
                                + "' was already booked on line " + earlier + "; each loan appears once, its month"
                                + " lines following it (merge the two, or give this loan its own id)"));
                        loan = null;
                    }
                    if (loan == null) {
                        rejectedLoan = root.path("loanId").asText("");
                        rejectedLoanLine = lineNo;
                        onBad.accept(new BadLine(lineNo, problems));
                        bad++;
                    } else {
                        current = loan;
                        expected = loan.bookedMonth();
                        rejectedLoan = null;
                    }
                } else if ("month".equals(type)) {
                    LoanMonth m = month(root, asOf, problems);
                    String loanId = root.path("loanId").asText("");
                    YearMonth stated = yearMonth(root, "month", new ArrayList<>());
                    if (current != null && current.loanId().equals(loanId)) {
                        monthLines++;
                    }
                    if (current == null || !current.loanId().equals(loanId)) {
                        if (rejectedLoan != null && rejectedLoan.equals(loanId)) {
                            problems.add(Problem.of("$.loanId", "the origination line of loan '" + abbreviate(loanId)
                                    + "' (line " + rejectedLoanLine + ") was rejected; fix it and resubmit both"));
                        } else {
                            problems.add(Problem.of("$.loanId", "month of loan '" + abbreviate(loanId)
                                    + "' does not follow that loan's \"type\":\"loan\" line"
                                    + (current == null ? "" : " (the current loan is '" + current.loanId() + "')")));
                        }
                    } else if (stated != null) {
                        if (stated.isBefore(expected)) {
                            problems.add(Problem.of("$.month", "month " + stated + " of loan '" + loanId
                                    + "' repeats or goes back: expected " + expected + " or later"));
                        } else {
                            if (!stated.equals(expected)) {
                                problems.add(Problem.of("$.month", "month " + stated + " of loan '" + loanId
                                        + "' skips " + expected + (expected.plusMonths(1).equals(stated) ? ""
                                        : ".." + stated.minusMonths(1)) + "; send every month (omit a figure a source did not report)"));
                            }
                            if (m != null) {
                                int mob = (int) current.bookedMonth().until(stated, java.time.temporal.ChronoUnit.MONTHS);
                                if (m.monthsOnBook() != mob) {
                                    problems.add(Problem.of("$.monthsOnBook", "monthsOnBook " + m.monthsOnBook()
                                            + " does not match the month (" + mob + " months after the booking month "
                                            + current.bookedMonth() + ")"));
                                }
                                pastDueSinceBooking(current, m, problems);
                            }
                            expected = stated.plusMonths(1);
                        }
                    }
                    if (problems.isEmpty()) {
                        months.add(m);
                        monthLineNos.add(lineNo);
                        monthCount++;
                    } else {
                        onBad.accept(new BadLine(lineNo, problems));
                        bad++;
                    }
                } else {
                    if (root != null && type != null) {
                        problems.add(Problem.of("$.type", "'" + abbreviate(type) + "' is not a line type; use \"loan\" or \"month\""));
                    }
                    onBad.accept(new BadLine(lineNo, problems));
                    bad++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (current != null) {
            Emitted e = emit(current, currentLine, monthLines, months, monthLineNos, onLoan, onBad);
            loans += e.loans();
            monthCount -= e.rejectedMonths();
            bad += e.badLines();
        }
        return new ReadSummary(lineNo, loans, monthCount, bad);
    }

    /** What handing a loan on did: loans handed on (0 or 1), month lines rejected, bad lines reported. */
    private record Emitted(int loans, int rejectedMonths, int badLines) {
    }

    /**
     * Hands a loan with at least one month on, or rejects its origination line: a loan without a month
     * has nothing to monitor, and counted as a live loan it read as one more clean loan (a book whose
     * month lines were lost lowered the RED share and passed). First rejects each month whose sales or
     * electricity is in another unit than the rest of the enterprise's series ({@link UnitJumps}), on
     * its own line.
     */
    private static Emitted emit(BookedLoan loan, long line, long monthLines, List<LoanMonth> months,
            List<Long> monthLineNos, Consumer<Loan> onLoan, Consumer<BadLine> onBad) {
        var jumps = UnitJumps.find(loan, months);
        int rejected = 0;
        if (!jumps.isEmpty()) {
            List<LoanMonth> kept = new ArrayList<>(months.size() - jumps.size());
            for (int i = 0; i < months.size(); i++) {
                List<Problem> problems = jumps.get(i);
                if (problems == null) {
                    kept.add(months.get(i));
                } else {
                    onBad.accept(new BadLine(monthLineNos.get(i), problems));
                    rejected++;
                }
            }
            months = kept;
        }
        if (!months.isEmpty()) {
            onLoan.accept(new Loan(loan, months));
            return new Emitted(1, rejected, rejected);
        }
        String id = abbreviate(loan.loanId());
        onBad.accept(new BadLine(line, List.of(Problem.of("$.loanId", monthLines == 0
                ? "loan '" + id + "' has no month lines; send at least its booking month " + loan.bookedMonth()
                        + " (monthsOnBook 0) after it, or leave the loan out until it has one"
                : "none of the " + monthLines + " month lines of loan '" + id + "' could be read (each is reported);"
                        + " the loan is not monitored: fix them and resubmit the loan"))));
        return new Emitted(0, rejected, rejected + 1);
    }

    private static JsonNode parse(String line, List<Problem> problems) {
        try {
            JsonNode n = JSON.readTree(line);
            if (n == null || !n.isObject()) {
                problems.add(Problem.of("$", "a line must be one JSON object"));
                return null;
            }
            return n;
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            problems.add(Problem.of("$", "not well-formed JSON: " + abbreviate(msg == null ? "" : msg)));
            return null;
        } catch (RuntimeException e) {
            problems.add(Problem.of("$", "not a readable JSON object (" + e.getClass().getSimpleName() + ")"));
            return null;
        }
    }

    private static BookedLoan loan(JsonNode root, StrictApplicationReader reader, LocalDate asOf,
            List<Problem> problems) {
        unknown(root, LOAN_FIELDS, problems);
        String id = text(root, "loanId", problems, true);
        YearMonth booked = yearMonth(root, "bookedMonth", problems);
        if (booked != null && notAfter("$.bookedMonth", booked, asOf, "a loan cannot be booked in a month that has"
                + " not begun", problems)) {
            booked = null;
        }
        BigDecimal amount = null;
        JsonNode a = root.get("amount");
        if (a == null || !a.isNumber()) {
            problems.add(Problem.of("$.amount", a == null ? "missing: the booked amount in CNY" : "must be a number"));
        } else {
            // the value as a double first (never a BigDecimal of unchecked text: no exponent can make this
            // expensive), then exactly through its shortest decimal form once it is in range
            double v = a.doubleValue();
            if (!(v > 0 && v <= 1e12)) {
                problems.add(Problem.of("$.amount", abbreviate(a.asText()) + " must be > 0 and at most 1e12 CNY"));
            } else {
                amount = BigDecimal.valueOf(v);
                if (amount.stripTrailingZeros().scale() > 2) {
                    problems.add(Problem.of("$.amount", amount.toPlainString() + " has more than two decimal places (fen)"));
                    amount = null;
                } else {
                    amount = amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
                }
            }
        }
        int term = integer(root, "termMonths", 1, 360, problems, true);
        LoanApplicationHolder app = new LoanApplicationHolder();
        JsonNode appNode = root.get("application");
        if (appNode == null || !appNode.isObject()) {
            problems.add(Problem.of("$.application", appNode == null ? "missing: the application the loan was granted on"
                    : "must be an object"));
        } else {
            try {
                app.value = reader.read(appNode.toString());
            } catch (CreditDataException e) {
                for (Problem p : e.problems()) {
                    problems.add(Problem.of("$.application" + p.location().substring(1), p.message()));
                }
            }
        }
        if (!problems.isEmpty() || id == null || booked == null || amount == null || app.value == null) {
            return null;
        }
        agreesWithApplication(booked, amount, app.value, problems);
        if (!problems.isEmpty()) {
            return null;
        }
        return new BookedLoan(id, booked, amount, term, app.value);
    }

    /**
     * A loan line that contradicts the application it was granted on: an amount above the amount applied
     * for (most often a book in fen, 100 times the CNY figure, which monitored every loss and limit 100
     * times too large), or a booking month before the application was made.
     */
    private static void agreesWithApplication(YearMonth booked, BigDecimal amount, LoanApplication app,
            List<Problem> problems) {
        BigDecimal applied = app.amount();
        if (amount.compareTo(applied) > 0) {
            double times = amount.doubleValue() / applied.doubleValue();
            problems.add(Problem.of("$.amount", amount.toPlainString() + " is above the amount applied for, "
                    + applied.toPlainString() + " ($.application.amount), " + String.format(Locale.ROOT, "%.1f", times)
                    + " times: a loan is booked at most at the amount applied for (amounts are CNY, not fen);"
                    + " valid: at most " + applied.toPlainString()));
        }
        YearMonth appliedMonth = YearMonth.from(app.applicationTime().atOffset(LoanApplication.CHINA_TIME));
        if (booked.isBefore(appliedMonth)) {
            problems.add(Problem.of("$.bookedMonth", booked + " is before the application"
                    + " ($.application.applicationTime, month " + appliedMonth + " in China time): a loan is booked"
                    + " after it was applied for; valid: " + appliedMonth + " or later"));
        }
    }

    private static final class LoanApplicationHolder {
        private LoanApplication value;
    }

    private static LoanMonth month(JsonNode root, LocalDate asOf, List<Problem> problems) {
        int before = problems.size();
        unknown(root, MONTH_FIELDS, problems);
        String id = text(root, "loanId", problems, true);
        YearMonth month = yearMonth(root, "month", problems);
        if (month != null && notAfter("$.month", month, asOf, "a month's figures cannot be observed before the month"
                + " begins", problems)) {
            month = null;
        }
        int mob = integer(root, "monthsOnBook", 0, 600, problems, true);
        OptionalDouble sales = figure(root, "taxSales", problems);
        OptionalDouble headcount = figure(root, "insuredHeadcount", problems);
        boolean arrears = bool(root, "socialInsuranceArrears", problems);
        OptionalDouble kwh = figure(root, "electricity", problems);
        int cases = integer(root, "newCourtCases", 0, 10_000, problems, true);
        int enforcement = integer(root, "newEnforcementCases", 0, 10_000, problems, true);
        boolean dishonest = bool(root, "dishonestListed", problems);
        int penalties = integer(root, "newPenalties", 0, 10_000, problems, true);
        boolean serious = bool(root, "seriousPenalty", problems);
        int bankOverdue = integer(root, "bankOverdueDays", 0, 100_000, problems, true);
        String rating = root.has("supplyChainRating") ? text(root, "supplyChainRating", problems, false) : null;
        int dpd = integer(root, "loanDaysPastDue", 0, 100_000, problems, true);
        LocalDate extracted = null;
        String asOfText = text(root, "dataAsOf", problems, true);
        if (asOfText != null) {
            try {
                extracted = LocalDate.parse(asOfText);
            } catch (DateTimeParseException e) {
                problems.add(Problem.of("$.dataAsOf", "'" + abbreviate(asOfText) + "' is not a date (YYYY-MM-DD)"));
            }
        }
        if (extracted != null && extracted.isAfter(asOf)) {
            problems.add(Problem.of("$.dataAsOf", extracted + " is after the as-of date " + asOf + ": data cannot be"
                    + " extracted on a day that has not come (a book shifted into the future?); valid: " + asOf
                    + " or earlier"));
            extracted = null;
        }
        if (serious && penalties == 0) {
            problems.add(Problem.of("$.seriousPenalty", "true needs newPenalties >= 1"));
        }
        if (month != null && extracted != null && extracted.isAfter(month.atEndOfMonth().plusDays(62))) {
            problems.add(Problem.of("$.dataAsOf", extracted + " is more than 62 days after the month it reports ("
                    + month + "); a month's data is extracted at or soon after its end"));
        }
        if (problems.size() > before || id == null || month == null || extracted == null) {
            return null;
        }
        return new LoanMonth(id, month, mob, sales, headcount, arrears, kwh, cases, enforcement, dishonest, penalties,
                serious, bankOverdue, Optional.ofNullable(rating), dpd, extracted);
    }

    /**
     * Refuses a month after the as-of date's month (a book shifted into the future, or a typo in the year,
     * read as clean months that have not happened yet).
     *
     * @return true when refused
     */
    private static boolean notAfter(String path, YearMonth month, LocalDate asOf, String why, List<Problem> problems) {
        YearMonth latest = YearMonth.from(asOf);
        if (!month.isAfter(latest)) {
            return false;
        }
        problems.add(Problem.of(path, month + " is after the as-of date " + asOf + ": " + why
                + "; valid: " + latest + " or earlier (the latest month as of " + asOf + ")"));
        return true;
    }

    /**
     * Refuses days past due on this loan that go back before the loan was booked: at the end of month
     * {@code m} a loan booked in {@code bookedMonth} can be at most as many days past due as there are days
     * from the first of its booking month to that month end.
     */
    private static void pastDueSinceBooking(BookedLoan loan, LoanMonth m, List<Problem> problems) {
        LocalDate firstDay = loan.bookedMonth().atDay(1);
        LocalDate monthEnd = m.month().atEndOfMonth();
        long max = java.time.temporal.ChronoUnit.DAYS.between(firstDay, monthEnd);
        if (m.loanDaysPastDue() > max) {
            problems.add(Problem.of("$.loanDaysPastDue", m.loanDaysPastDue() + " days past due at the end of "
                    + m.month() + " would date the first missed payment to " + monthEnd.minusDays(m.loanDaysPastDue())
                    + ", before the loan was booked (" + loan.bookedMonth() + "); valid: at most " + max
                    + " for a loan booked in " + loan.bookedMonth()));
        }
    }

    private static void unknown(JsonNode root, Set<String> allowed, List<Problem> problems) {
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                problems.add(Problem.of("$." + abbreviate(k), "unknown field; valid: " + new java.util.TreeSet<>(allowed)));
            }
        }
    }

    private static String text(JsonNode root, String field, List<Problem> problems, boolean required) {
        JsonNode n = root.get(field);
        if (n == null) {
            if (required) {
                problems.add(Problem.of("$." + field, "missing"));
            }
            return null;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            problems.add(Problem.of("$." + field, "must be a non-blank string"));
            return null;
        }
        int half = Utf8.unpairedSurrogate(n.asText());
        if (half >= 0) {
            problems.add(Problem.of("$." + field, Utf8.unpairedSurrogateProblem("string", n.asText(), half)));
            return null;
        }
        return n.asText();
    }

    private static YearMonth yearMonth(JsonNode root, String field, List<Problem> problems) {
        String t = text(root, field, problems, true);
        if (t == null) {
            return null;
        }
        try {
            YearMonth m = YearMonth.parse(t);
            if (m.getYear() < 1990 || m.getYear() > 2200) {
                problems.add(Problem.of("$." + field, m + " is outside 1990..2200"));
                return null;
            }
            return m;
        } catch (DateTimeParseException e) {
            problems.add(Problem.of("$." + field, "'" + abbreviate(t) + "' is not a month (YYYY-MM)"));
            return null;
        }
    }

    private static int integer(JsonNode root, String field, int min, int max, List<Problem> problems, boolean required) {
        JsonNode n = root.get(field);
        if (n == null) {
            if (required) {
                problems.add(Problem.of("$." + field, "missing: an integer " + min + ".." + max));
            }
            return 0;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < min || n.asInt() > max) {
            problems.add(Problem.of("$." + field, abbreviate(n.toString()) + " must be an integer " + min + ".." + max));
            return 0;
        }
        return n.asInt();
    }

    private static boolean bool(JsonNode root, String field, List<Problem> problems) {
        JsonNode n = root.get(field);
        if (n == null || !n.isBoolean()) {
            problems.add(Problem.of("$." + field, n == null ? "missing: true or false" : "must be true or false"));
            return false;
        }
        return n.booleanValue();
    }

    private static OptionalDouble figure(JsonNode root, String field, List<Problem> problems) {
        JsonNode n = root.get(field);
        if (n == null) {
            return OptionalDouble.empty();
        }
        if (!n.isNumber()) {
            problems.add(Problem.of("$." + field, "must be a number >= 0 (omit the field when the source did not report)"));
            return OptionalDouble.empty();
        }
        String t = n.asText();
        double v = n.doubleValue(); // a double, never a BigDecimal: no exponent can make this expensive
        if (!Double.isFinite(v) || v < 0 || v > 1e15) {
            problems.add(Problem.of("$." + field, abbreviate(t) + " must be a number in 0..1e15"));
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(v);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
