package org.creditkit.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.creditkit.core.CreditDecisionException;
import org.creditkit.core.CreditException;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.input.BatchReport;
import org.creditkit.rules.CreditEngine;
import org.creditkit.rules.Criterion;
import org.creditkit.rules.ProductMatch;
import org.creditkit.rules.ProductOutcome;
import org.creditkit.rules.RuleInputException;
import org.creditkit.rules.RuleSetException;
import org.creditkit.rules.RuleVerdict;
import org.creditkit.rules.audit.DecisionLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code credit match [--model BUNDLE --trust KEY] [--rules DIR] --in FILE --out FILE [--rejects FILE]}:
 * for every application,
 * every product of the rule set's {@code products.json}, offers ranked best first (tier, rate, limit)
 * and the refused products with the criteria missed or the decline reasons; the thin command over
 * {@link CreditEngine#match}. Exit codes as {@link CreditCli}: 0 every application matched, 1 some
 * input lines rejected or not matchable (the others are still matched; problems go to stderr and to
 * the rejects file), 3 when the model (unreadable, or not signed by a trusted key), the rules or the
 * files cannot be used, or an output path collides with an input or another output.
 */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = "Match applications against every product of the rule set (products.json): eligible offers "
                + "ranked best first with tier, limit, rate and the criteria met; the other products with why not.")
final class MatchCommand implements Callable<Integer> {

    private static final JsonFactory JSON = new JsonFactory();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "One JSON line of matches per "
            + "application, written to a temporary file and moved into place when complete.")
    Path out;

    @CommandLine.Mixin
    BatchEngineOptions io = new BatchEngineOptions();

    @CommandLine.Mixin
    TrustOptions trustOptions;

    @CommandLine.Mixin
    Progress.Options progress = new Progress.Options();

    @Override
    public Integer call() {
        BatchFiles.requireDistinct(spec, BatchFiles.plus(BatchFiles.files("--in", io.in, "--model", io.model,
                        "--rules", io.rules), "--trust", trustOptions.trustFiles),
                BatchFiles.files("--out", out, "--rejects", io.rejectsFile));
        ValidateCommand.requireReadable(spec, io.in);
        ValidateCommand.requireNotEmpty(spec, io.in);
        PrintWriter err = spec.commandLine().getErr();
        CreditEngine engine;
        try {
            engine = trustOptions.engineBuilder(io.model, io.rules).build();
        } catch (CreditModelException e) {
            return TrustOptions.refused(err, io.model, e);
        } catch (RuleSetException e) {
            return TrustOptions.refused(err, e);
        }
        long[] matched = {0};
        long[] failed = {0};
        long[] withoutOffer = {0};
        Map<String, Long> bestByProduct = new TreeMap<>();
        BatchReport report;
        Progress bar = new Progress(err, progress.wanted(), "matched", 0);
        try (engine; Rejects rejects = Rejects.open(io.in, err, io.rejectsFile);
             BatchFiles.AtomicOutput file = BatchFiles.AtomicOutput.open(out)) {
            Writer w = file.writer();
            report = ModelOptions.read(io.in, (la, line) -> {
                try {
                    ProductMatch m = engine.match(la.application());
                    w.write(json(m));
                    w.write('\n');
                    matched[0]++;
                    if (m.offers().isEmpty()) {
                        withoutOffer[0]++;
                    } else {
                        bestByProduct.merge(m.offers().get(0).product().id(), 1L, Long::sum);
                    }
                    bar.update(matched[0]);
                } catch (RuleInputException | CreditDecisionException e) {
                    failed[0]++;
                    rejects.add(ModelOptions.failed(line, la, "cannot be matched", e.getMessage()));
                } catch (CreditException | ArithmeticException | IllegalArgumentException e) {
                    failed[0]++;
                    rejects.add(ModelOptions.failed(line, la, "cannot be scored", e.getMessage()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, rejects);
            rejects.commit();
            file.commit();
        } catch (IOException | UncheckedIOException e) {
            bar.done();
            err.println("cannot match " + io.in + " into " + out + ": " + e.getMessage());
            err.flush();
            return CreditCli.EXIT_USAGE;
        }
        bar.done();
        err.println("matched " + matched[0] + " of " + report.lines() + " applications; best offer by product "
                + bestByProduct + "; " + withoutOffer[0] + " without any offer"
                + (report.bad() > 0 ? "; " + report.bad() + " rejected lines (see above"
                + (io.rejectsFile != null ? " and " + io.rejectsFile : "") + ")" : "")
                + (failed[0] > 0 ? "; " + failed[0] + " could not be matched (see above)" : ""));
        err.flush();
        return report.bad() > 0 || failed[0] > 0 ? CreditCli.EXIT_REJECTED : CreditCli.EXIT_OK;
    }

    /** One application's match as a JSON line. */
    static String json(ProductMatch m) throws IOException {
        StringWriter s = new StringWriter(2048);
        try (JsonGenerator g = JSON.createGenerator(s)) {
            g.writeStartObject();
            g.writeStringField("applicationId", m.applicationId());
            g.writeArrayFieldStart("offers");
            int rank = 1;
            for (ProductOutcome o : m.offers()) {
                g.writeStartObject();
                g.writeNumberField("rank", rank++);
                product(g, o);
                DecisionLog.writeOffer(g, o.decision());
                tierReasons(g, "tierReasons", o.decision().trail(), "tier=" + o.decision().tier().name());
                criteria(g, "criteriaMet", o.criteria().stream().filter(Criterion::met).toList());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("refused");
            for (ProductOutcome o : m.refused()) {
                g.writeStartObject();
                product(g, o);
                criteria(g, "criteriaMissed", o.criteriaMissed());
                tierReasons(g, "declineReasons", o.decision().trail(), "tier=DECLINE");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return s.toString();
    }

    /** The reasons of the rules whose verdict is {@code verdict}: why an offer has its tier, why a product is declined. */
    private static void tierReasons(JsonGenerator g, String field, java.util.List<RuleVerdict> trail, String verdict)
            throws IOException {
        g.writeArrayFieldStart(field);
        for (RuleVerdict v : trail) {
            if (v.verdict().equals(verdict)) {
                g.writeStartObject();
                g.writeStringField("code", v.reason().code());
                g.writeStringField("en", v.reason().en());
                g.writeStringField("zh", v.reason().zh());
                g.writeEndObject();
            }
        }
        g.writeEndArray();
    }

    private static void product(JsonGenerator g, ProductOutcome o) throws IOException {
        g.writeStringField("product", o.product().id());
        g.writeStringField("nameEn", o.nameEn());
        g.writeStringField("nameZh", o.nameZh());
    }

    private static void criteria(JsonGenerator g, String field, java.util.List<Criterion> cs) throws IOException {
        g.writeArrayFieldStart(field);
        for (Criterion c : cs) {
            g.writeStartObject();
            g.writeStringField("criterion", c.id());
            g.writeStringField("en", c.en());
            g.writeStringField("zh", c.zh());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
