package org.creditkit.core.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.creditkit.core.domain.BankCreditRecord;
import org.creditkit.core.domain.CarbonRecord;
import org.creditkit.core.domain.CourtRecord;
import org.creditkit.core.domain.CustomsRecord;
import org.creditkit.core.domain.DishonestListing;
import org.creditkit.core.domain.Enterprise;
import org.creditkit.core.domain.FinancialStatement;
import org.creditkit.core.domain.IntellectualPropertyRecord;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.domain.MonthlySeries;
import org.creditkit.core.domain.Penalty;
import org.creditkit.core.domain.PenaltyRecord;
import org.creditkit.core.domain.Provenance;
import org.creditkit.core.domain.Qualification;
import org.creditkit.core.domain.SocialInsuranceRecord;
import org.creditkit.core.domain.SourceData;
import org.creditkit.core.domain.SupplyChainLink;
import org.creditkit.core.domain.TaxRating;
import org.creditkit.core.domain.TaxRecord;
import org.creditkit.core.domain.UtilityRecord;

/**
 * Writes applications in the creditkit JSON format (see {@code docs/json-format.md}): one compact
 * line, fields always in the same order, absent sources omitted, so equal values give equal bytes.
 * {@link StrictApplicationReader} reads back exactly what is written here.
 *
 * <pre>{@code
 * String line = ApplicationJson.write(application);              // {"id":"A-1",...}
 * try (Writer out = Files.newBufferedWriter(path)) {             // JSON Lines
 *     for (LabeledApplication a : portfolio) {
 *         ApplicationJson.writeTo(a, out);
 *         out.write('\n');
 *     }
 * }
 * }</pre>
 *
 * <p>Money is written as a plain JSON number ({@code 1250000.00}, never exponent notation),
 * instants in UTC ({@code 2025-06-30T02:00:00Z}), dates as {@code 2025-06-30}, months as
 * {@code 2025-06}; integral series values are written without a fraction ({@code 120000}).
 * Thread-safe: the class holds no mutable state.
 */
public final class ApplicationJson {

    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private ApplicationJson() {
    }

    /** One compact JSON document (no line break) for the application. */
    public static String write(LoanApplication application) {
        Objects.requireNonNull(application, "application");
        StringWriter sw = new StringWriter(2048);
        writeTo(application, sw);
        return sw.toString();
    }

    /**
     * One compact JSON document (no line break) for a portfolio line: the bare application when it
     * has no outcome, else {@code {"application":{...},"outcome":{...}}}.
     */
    public static String write(LabeledApplication line) {
        Objects.requireNonNull(line, "line");
        StringWriter sw = new StringWriter(2048);
        writeTo(line, sw);
        return sw.toString();
    }

    /**
     * Writes the application as one compact document to {@code out}, without a line break. The
     * writer is flushed, not closed.
     *
     * @throws UncheckedIOException if writing fails
     */
    public static void writeTo(LoanApplication application, Writer out) {
        Objects.requireNonNull(application, "application");
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            application(g, application);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write application " + application.id(), e);
        }
    }

    /**
     * Writes the application as one compact UTF-8 document to {@code out}, without a line break.
     * The stream is flushed, not closed.
     *
     * @throws UncheckedIOException if writing fails
     */
    public static void writeTo(LoanApplication application, OutputStream out) {
        Objects.requireNonNull(application, "application");
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            application(g, application);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write application " + application.id(), e);
        }
    }

    /**
     * Writes a portfolio line (see {@link #write(LabeledApplication)}) to {@code out}, without a line
     * break. The writer is flushed, not closed.
     *
     * @throws UncheckedIOException if writing fails
     */
    public static void writeTo(LabeledApplication line, Writer out) {
        Objects.requireNonNull(line, "line");
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            labeled(g, line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write application " + line.application().id(), e);
        }
    }

    /**
     * Writes a portfolio line (see {@link #write(LabeledApplication)}) as UTF-8 to {@code out},
     * without a line break. The stream is flushed, not closed.
     *
     * @throws UncheckedIOException if writing fails
     */
    public static void writeTo(LabeledApplication line, OutputStream out) {
        Objects.requireNonNull(line, "line");
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            labeled(g, line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write application " + line.application().id(), e);
        }
    }

    private static void labeled(JsonGenerator g, LabeledApplication line) throws IOException {
        if (line.outcome().isEmpty()) {
            application(g, line.application());
            return;
        }
        LabeledApplication.Outcome o = line.outcome().get();
        g.writeStartObject();
        g.writeFieldName("application");
        application(g, line.application());
        g.writeObjectFieldStart("outcome");
        g.writeBooleanField("defaulted12m", o.defaulted12m());
        if (o.truePd().isPresent()) {
            g.writeNumberField("truePd", o.truePd().getAsDouble());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void application(JsonGenerator g, LoanApplication a) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", a.id());
        instant(g, "applicationTime", a.applicationTime());
        g.writeStringField("product", a.product().id());
        money(g, "amount", a.amount());
        g.writeNumberField("termMonths", a.termMonths());
        g.writeStringField("purpose", a.purpose());
        g.writeStringField("guarantee", a.guarantee().name());
        g.writeBooleanField("dataUseConsent", a.dataUseConsent());
        enterprise(g, a.enterprise());
        sources(g, a.sources());
        g.writeEndObject();
    }

    private static void enterprise(JsonGenerator g, Enterprise e) throws IOException {
        g.writeObjectFieldStart("enterprise");
        g.writeStringField("uscc", e.uscc().value());
        g.writeStringField("name", e.name());
        g.writeStringField("establishmentDate", e.establishmentDate().toString());
        money(g, "registeredCapital", e.registeredCapital());
        g.writeStringField("industry", e.industry().code());
        g.writeStringField("region", e.region().code());
        g.writeNumberField("employees", e.employees());
        money(g, "annualRevenue", e.annualRevenue());
        money(g, "totalAssets", e.totalAssets());
        g.writeStringField("ownership", e.ownership().name());
        if (!e.qualifications().isEmpty()) { // optional: written only when there are some, as older files have none
            g.writeArrayFieldStart("qualifications");
            for (Qualification q : e.qualifications()) {
                g.writeStartObject();
                g.writeStringField("kind", q.kind().name());
                if (q.certificateNo().isPresent()) {
                    g.writeStringField("certificateNo", q.certificateNo().get());
                }
                g.writeStringField("issued", q.issued().toString());
                g.writeStringField("expires", q.expires().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** A list's entries; the optional lists are written only when not empty, so older files read back alike. */
    private static void listings(JsonGenerator g, String name, List<DishonestListing> listings) throws IOException {
        g.writeArrayFieldStart(name);
        for (DishonestListing l : listings) {
            g.writeStartObject();
            g.writeStringField("listed", l.listed().toString());
            if (l.repaired().isPresent()) {
                g.writeStringField("repaired", l.repaired().get().toString());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void sources(JsonGenerator g, SourceData s) throws IOException {
        g.writeObjectFieldStart("sources");
        if (s.tax().isPresent()) {
            TaxRecord t = s.tax().get();
            start(g, "tax", t.provenance());
            series(g, "declaredSales", t.declaredSales());
            series(g, "taxPaid", t.taxPaid());
            g.writeArrayFieldStart("ratings");
            for (TaxRating r : t.ratings()) {
                g.writeStartObject();
                g.writeNumberField("year", r.year());
                g.writeStringField("grade", r.grade().name());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (!t.majorViolationListings().isEmpty()) {
                listings(g, "majorViolationListings", t.majorViolationListings());
            }
            g.writeEndObject();
        }
        if (s.socialInsurance().isPresent()) {
            SocialInsuranceRecord r = s.socialInsurance().get();
            start(g, "socialInsurance", r.provenance());
            series(g, "insuredHeadcount", r.insuredHeadcount());
            money(g, "arrears", r.arrears());
            g.writeEndObject();
        }
        if (s.utilities().isPresent()) {
            UtilityRecord r = s.utilities().get();
            start(g, "utilities", r.provenance());
            series(g, "electricity", r.electricity());
            series(g, "water", r.water());
            g.writeEndObject();
        }
        if (s.customs().isPresent()) {
            CustomsRecord r = s.customs().get();
            start(g, "customs", r.provenance());
            series(g, "imports", r.imports());
            series(g, "exports", r.exports());
            g.writeEndObject();
        }
        if (s.courts().isPresent()) {
            CourtRecord r = s.courts().get();
            start(g, "courts", r.provenance());
            g.writeNumberField("casesAsDefendant", r.casesAsDefendant());
            g.writeNumberField("unansweredCases", r.unansweredCases());
            g.writeNumberField("enforcementCases", r.enforcementCases());
            listings(g, "dishonestListings", r.dishonestListings());
            g.writeEndObject();
        }
        if (s.penalties().isPresent()) {
            PenaltyRecord r = s.penalties().get();
            start(g, "penalties", r.provenance());
            g.writeArrayFieldStart("penalties");
            for (Penalty p : r.penalties()) {
                g.writeStartObject();
                g.writeStringField("date", p.date().toString());
                g.writeStringField("severity", p.severity().name());
                money(g, "amount", p.amount());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (!r.abnormalOperationListings().isEmpty()) {
                listings(g, "abnormalOperationListings", r.abnormalOperationListings());
            }
            if (!r.seriousViolationListings().isEmpty()) {
                listings(g, "seriousViolationListings", r.seriousViolationListings());
            }
            g.writeEndObject();
        }
        if (s.intellectualProperty().isPresent()) {
            IntellectualPropertyRecord r = s.intellectualProperty().get();
            start(g, "intellectualProperty", r.provenance());
            g.writeNumberField("inventionPatents", r.inventionPatents());
            g.writeNumberField("utilityPatents", r.utilityPatents());
            g.writeNumberField("trademarks", r.trademarks());
            g.writeNumberField("patentChanges12m", r.patentChanges12m());
            g.writeEndObject();
        }
        if (s.financials().isPresent()) {
            FinancialStatement r = s.financials().get();
            start(g, "financials", r.provenance());
            g.writeNumberField("fiscalYear", r.fiscalYear());
            money(g, "totalAssets", r.totalAssets());
            money(g, "totalLiabilities", r.totalLiabilities());
            money(g, "currentAssets", r.currentAssets());
            money(g, "currentLiabilities", r.currentLiabilities());
            money(g, "revenue", r.revenue());
            money(g, "netProfit", r.netProfit());
            money(g, "operatingCashFlow", r.operatingCashFlow());
            money(g, "rdExpense", r.rdExpense());
            g.writeEndObject();
        }
        if (s.bankCredit().isPresent()) {
            BankCreditRecord r = s.bankCredit().get();
            start(g, "bankCredit", r.provenance());
            g.writeNumberField("activeLoans", r.activeLoans());
            money(g, "outstandingBalance", r.outstandingBalance());
            g.writeNumberField("currentDaysOverdue", r.currentDaysOverdue());
            g.writeNumberField("maxDaysOverdue24m", r.maxDaysOverdue24m());
            g.writeNumberField("monthsOfHistory", r.monthsOfHistory());
            g.writeEndObject();
        }
        if (s.carbon().isPresent()) {
            CarbonRecord r = s.carbon().get();
            start(g, "carbon", r.provenance());
            g.writeNumberField("year", r.year());
            number(g, "emissionsTonnes", r.emissionsTonnes());
            g.writeEndObject();
        }
        if (s.supplyChain().isPresent()) {
            SupplyChainLink r = s.supplyChain().get();
            start(g, "supplyChain", r.provenance());
            g.writeStringField("coreEnterprise", r.coreEnterprise().value());
            g.writeStringField("coreRating", r.coreRating());
            g.writeNumberField("relationshipMonths", r.relationshipMonths());
            money(g, "confirmedReceivables", r.confirmedReceivables());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** Opens a source object and writes its provenance. */
    private static void start(JsonGenerator g, String name, Provenance p) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeObjectFieldStart("provenance");
        g.writeStringField("sourceSystem", p.sourceSystem());
        instant(g, "asOf", p.asOf());
        g.writeEndObject();
    }

    private static void series(JsonGenerator g, String name, MonthlySeries s) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("firstMonth", s.firstMonth().toString());
        g.writeArrayFieldStart("values");
        for (int i = 0; i < s.length(); i++) {
            number(g, s.get(i));
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void instant(JsonGenerator g, String name, Instant t) throws IOException {
        g.writeStringField(name, t.toString());
    }

    private static void money(JsonGenerator g, String name, BigDecimal v) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(v);
    }

    private static void number(JsonGenerator g, String name, double v) throws IOException {
        g.writeFieldName(name);
        number(g, v);
    }

    /** Integral values within the exact range of a double are written without a fraction. */
    private static void number(JsonGenerator g, double v) throws IOException {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            g.writeNumber((long) v);
        } else {
            g.writeNumber(v);
        }
    }
}
