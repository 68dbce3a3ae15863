package org.creditkit.cli;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.creditkit.core.CreditException;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.feature.FeatureExtractor;
import org.creditkit.core.input.BadLine;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.input.StrictApplicationReader;
import org.creditkit.core.monitor.BookedLoan;
import org.creditkit.core.monitor.LoanBook;
import org.creditkit.core.monitor.LoanMonth;
import org.creditkit.core.monitor.MonitorReport;
import org.creditkit.core.monitor.MonitorSummary;
import org.creditkit.core.monitor.MonthWarning;
import org.creditkit.core.monitor.PortfolioMonitor;
import org.creditkit.core.monitor.Reevaluation;
import org.creditkit.core.monitor.Rescorer;
import org.creditkit.core.monitor.WarningGrader;
import org.creditkit.core.monitor.WarningParameters;
import org.creditkit.core.synth.LoanBookGenerator;
import org.creditkit.rules.CreditEngine;
import org.creditkit.rules.Decision;
import org.creditkit.rules.Tier;

/**
 * After the loan, as workflows the commands and the demo call: booking decided applications into a
 * synthetic loan book, and monitoring a book with an engine (early warnings, quarterly re-scoring and
 * re-limiting, portfolio views, report).
 */
final class LoanBookWorkflow {

    /** Generators must not close the caller's writer: one generator per line, one writer per file. */
    private static final JsonFactory JSON = JsonFactory.builder().disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private LoanBookWorkflow() {
    }

    /** Counts of a booking. */
    record Booked(long applications, long loans, long defaults, long lines) {
    }

    /**
     * Books every approved application (any tier but DECLINE, at the approved amount and term) and writes
     * its generated months.
     *
     * @param applications labelled applications (the generator needs each true PD and outcome)
     * @param engine       decides each application
     * @param seed         the book generator's seed
     * @param out          where the book goes
     * @return counts
     */
    static Booked book(List<LabeledApplication> applications, CreditEngine engine, long seed, Writer out) {
        LoanBookGenerator gen = LoanBookGenerator.of(seed);
        long loans = 0;
        long defaults = 0;
        long lines = 0;
        long i = 0;
        for (LabeledApplication la : applications) {
            i++;
            var outcome = la.outcome().orElseThrow(() -> new IllegalArgumentException("application "
                    + la.application().id() + " has no outcome; the book generator needs labelled applications"));
            Decision d = engine.decide(la.application());
            if (d.tier() == Tier.DECLINE || d.approvedAmount().signum() <= 0) {
                continue;
            }
            var app = la.application();
            BookedLoan loan = new BookedLoan("L-" + app.id(), YearMonth.from(app.applicationTime().atOffset(CHINA)),
                    d.approvedAmount(), Math.max(1, d.approvedTermMonths()), app);
            var g = gen.generate(loan, outcome.truePd().orElse(outcome.defaulted12m() ? 1 : 0),
                    outcome.defaulted12m(), i);
            LoanBook.writeLoan(loan, out);
            for (LoanMonth m : g.months()) {
                LoanBook.writeMonth(m, out);
            }
            loans++;
            lines += 1 + g.months().size();
            if (g.defaultMonth().isPresent()) {
                defaults++;
            }
        }
        return new Booked(applications.size(), loans, defaults, lines);
    }

    /** What a monitoring run produced. */
    record Monitored(MonitorSummary summary, LoanBook.ReadSummary read, Path html, Path json, Path warnings,
                     Path reevaluations) {
    }

    /**
     * Monitors a book: writes {@code warnings.jsonl}, {@code reevaluations.jsonl}, {@code monitor.json} and
     * {@code monitor.html} into {@code outDir} (each through a temporary file and an atomic move).
     *
     * @param book       the book file
     * @param engine     re-scores and re-limits every quarter
     * @param parameters warning thresholds
     * @param limits     fund terms and limits
     * @param outDir     output directory (created)
     * @param err        where rejected lines are reported
     * @param progress   progress reporting
     * @return the result
     * @throws IOException if a file cannot be read or written
     */
    static Monitored monitor(Path book, CreditEngine engine, WarningParameters parameters, MonitorSummary.Limits limits,
                             Path outDir, PrintWriter err, Progress progress) throws IOException {
        return monitor(book, engine, parameters, WarningGrader.points(parameters), limits, LoanBook.today(), outDir, err,
                progress);
    }

    /**
     * Monitors a book with a given way of grading warnings (e.g. Drools warning rules).
     *
     * @param book       the loan book
     * @param engine     the engine that re-scores and re-limits each quarter
     * @param parameters warning thresholds
     * @param grader     how a month's signals become its level
     * @param limits     fund terms and limits
     * @param asOf       the date the book is monitored as of: a month, booking or extraction after it is rejected
     * @param outDir     output directory (created)
     * @param err        where rejected lines are reported
     * @param progress   progress reporting
     * @return the result
     * @throws IOException if a file cannot be read or written
     */
    static Monitored monitor(Path book, CreditEngine engine, WarningParameters parameters, WarningGrader grader,
                             MonitorSummary.Limits limits, LocalDate asOf, Path outDir, PrintWriter err,
                             Progress progress) throws IOException {
        Files.createDirectories(outDir);
        Path warnings = outDir.resolve("warnings.jsonl");
        Path reevaluations = outDir.resolve("reevaluations.jsonl");
        Path warningsTmp = Files.createTempFile(outDir, ".warnings", ".tmp");
        Path reTmp = Files.createTempFile(outDir, ".reevaluations", ".tmp");
        Rescorer rescorer = (loan, current) -> {
            try {
                CreditEngine.Evaluation ev = engine.evaluate(current, Optional.empty());
                Decision d = ev.decision();
                return new Rescorer.Result(ev.score().pd(), Optional.of(d.tier().name()), Optional.of(d.approvedAmount()),
                        d.reasons().stream().limit(4).map(r -> r.code()).toList());
            } catch (CreditException e) {
                throw new IllegalStateException("loan " + loan.loanId() + ": re-evaluation failed: " + e.getMessage(), e);
            }
        };
        PortfolioMonitor pm = PortfolioMonitor.builder().parameters(parameters).grader(grader).limits(limits)
                .rescorer(rescorer).features(FeatureExtractor.standard()).build();
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        LoanBook.ReadSummary read;
        long[] bad = {0};
        long[] done = {0};
        try (InputStream raw = new DigestInputStream(new BufferedInputStream(Files.newInputStream(book), 1 << 16), sha);
             BufferedWriter w = Files.newBufferedWriter(warningsTmp, StandardCharsets.UTF_8);
             BufferedWriter rw = Files.newBufferedWriter(reTmp, StandardCharsets.UTF_8)) {
            // the applications' times are bounded by the same date (end of the as-of day, China time)
            StrictApplicationReader reader = StrictApplicationReader.builder().clock(Clock.fixed(asOf.plusDays(1)
                    .atStartOfDay(LoanApplication.CHINA_TIME).toInstant(), ZoneOffset.UTC)).build();
            read = LoanBook.read(raw, reader, asOf, loan -> {
                pm.accept(loan, mw -> write(mw, w), re -> write(re, rw));
                done[0] += 1 + loan.months().size();
                progress.update(done[0]);
            }, (BadLine b) -> {
                bad[0]++;
                err.println(book + ": " + b);
            });
        } catch (IOException | UncheckedIOException e) {
            Files.deleteIfExists(warningsTmp);
            Files.deleteIfExists(reTmp);
            throw e;
        }
        progress.done();
        Files.move(warningsTmp, warnings, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(reTmp, reevaluations, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        MonitorSummary summary = pm.summary();
        MonitorReport.Meta meta = new MonitorReport.Meta(book.getFileName().toString(),
                HexFormat.of().formatHex(sha.digest()), engine.modelId(), engine.rulesetVersion(),
                Instant.now().toString());
        Path json = outDir.resolve("monitor.json");
        Path html = outDir.resolve("monitor.html");
        writeAtomically(json, wr -> MonitorReport.writeJson(summary, meta, wr));
        writeAtomically(html, wr -> {
            try {
                wr.write(MonitorReport.html(summary, meta));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new Monitored(summary, read, html, json, warnings, reevaluations);
    }

    private static void writeAtomically(Path target, java.util.function.Consumer<Writer> body) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            body.accept(w);
        } catch (IOException | UncheckedIOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void write(MonthWarning mw, Writer w) {
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("loanId", mw.loanId());
            g.writeStringField("month", mw.month().toString());
            g.writeNumberField("monthsOnBook", mw.monthsOnBook());
            g.writeStringField("level", mw.level().name());
            g.writeStringField("levelZh", mw.level().chinese());
            g.writeNumberField("pd", mw.pd());
            g.writeStringField("status", mw.status().name());
            g.writeArrayFieldStart("signals");
            for (var s : mw.signals()) {
                g.writeStartObject();
                g.writeStringField("code", s.name());
                g.writeStringField("severity", s.severity().name());
                g.writeStringField("source", s.source().name());
                g.writeStringField("en", s.english());
                g.writeStringField("zh", s.chinese());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        newline(w);
    }

    private static void write(Reevaluation re, Writer w) {
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("loanId", re.loanId());
            g.writeStringField("month", re.month().toString());
            g.writeNumberField("monthsOnBook", re.monthsOnBook());
            g.writeNumberField("pdBefore", re.pdBefore());
            g.writeNumberField("pdAfter", re.pdAfter());
            g.writeNumberField("limitBefore", re.limitBefore());
            if (re.limitAfter().isPresent()) {
                g.writeNumberField("limitAfter", re.limitAfter().get());
                g.writeNumberField("limitChange", re.limitChange());
            }
            if (re.tier().isPresent()) {
                g.writeStringField("tier", re.tier().get());
            }
            g.writeArrayFieldStart("reasons");
            for (String r : re.reasons()) {
                g.writeString(r);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        newline(w);
    }

    private static void newline(Writer w) {
        try {
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line of the summary for a console. */
    static String describe(MonitorSummary s) {
        var p = s.performance();
        return String.format(Locale.ROOT, "%d loans, %d loan-months up to %s; live %d, at RED %d (%.1f%%)%s; defaults %d, caught at "
                + "ORANGE/RED >= 3 months ahead %s, false alarms %s of %d loans without default; fund pays %,.0f of "
                + "%,.0f CNY losses; re-evaluations %d (limit cut %d, raised %d); flagged drift: %s",
                s.loans(), s.loanMonths(), s.asOf().map(Object::toString).orElse("no month"), s.liveLoans(),
                s.redLoans(), 100 * s.redShare(), s.liveWithoutLatestMonth() == 0 ? ""
                        : " (" + s.liveWithoutLatestMonth() + " live without a month in the latest)", p.defaults(),
                Double.isNaN(p.catchRate()) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * p.catchRate()),
                Double.isNaN(p.falseAlarmRate()) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * p.falseAlarmRate()),
                p.nonDefaultLoans(), s.fund().fundPaysCny(), s.fund().lossCny(), s.reevaluations(), s.limitCuts(),
                s.limitRaises(), flaggedDrift(s));
    }

    /** "pd, a, b" for the flagged PD and indicator drifts, "none" without any. */
    private static String flaggedDrift(MonitorSummary s) {
        List<String> names = new ArrayList<>();
        s.pdDrift().filter(d -> d.flagged()).ifPresent(d -> names.add("pd"));
        s.flaggedFeatureDrift().forEach(d -> names.add(d.name()));
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
