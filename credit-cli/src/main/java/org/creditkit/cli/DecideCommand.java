package org.creditkit.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.creditkit.core.CreditException;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.input.BadLine;
import org.creditkit.core.input.BatchReport;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.rules.CreditEngine;
import org.creditkit.rules.RuleInputException;
import org.creditkit.rules.RuleSetException;
import org.creditkit.rules.Tier;
import org.creditkit.rules.audit.DecisionJson;
import org.creditkit.rules.audit.DecisionLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code credit decide [--model BUNDLE --trust KEY] [--rules DIR] --in FILE --out decisions.jsonl
 * [--rejects FILE] [--log FILE] [--threads N]}: scores and decides every application in constant memory,
 * on every processor ({@link ReadAhead#map}; output in input order whatever the thread count), one JSON
 * line per decision (tier, offer, conditions, reasons, the rules that fired and their verdicts,
 * ruleset version, model id, and the audit groups), written through a temporary file moved into
 * place when complete. With {@code --log}, also writes the decision trail. Exit codes as
 * {@link CreditCli}: 0 every application decided, 1 some input lines rejected or not decidable (the
 * others are still decided; problems go to stderr and to the rejects file), 3 when the model
 * (unreadable, or not signed by a trusted key), the rules or the files cannot be used, or an output
 * path collides with an input or another output.
 */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = "Score and decide applications (JSON Lines, or one .json document) with a model bundle and a "
                + "rule set; writes one JSON line per decision.")
final class DecideCommand implements Callable<Integer> {

    /** Each worker thread's writer of decision lines. */
    private static final ThreadLocal<DecisionJson> LINES = ThreadLocal.withInitial(DecisionJson::writer);
    /** The most {@code --threads} accepted. */
    static final int MAX_THREADS = 256;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Decisions as JSON Lines, written "
            + "to a temporary file and moved into place when complete.")
    Path out;

    @Option(names = "--log", paramLabel = "FILE", description = "Also write the decision trail: hash-chained JSON "
            + "Lines with signed checkpoints, identifiers pseudonymised (an existing trail is continued).")
    Path log;

    @Option(names = "--threads", paramLabel = "N", description = "Threads that parse and decide (default: the "
            + "number of processors, or 1 with --log, whose trail is written in input order). The decisions file "
            + "is the same, line for line, whatever N.")
    Integer threads;

    @CommandLine.Mixin
    TrailOptions trail;

    @CommandLine.Mixin
    BatchEngineOptions io = new BatchEngineOptions();

    @CommandLine.Mixin
    TrustOptions trustOptions;

    @CommandLine.Mixin
    Progress.Options progress = new Progress.Options();

    /** Decides the file. */
    @Override
    public Integer call() {
        BatchFiles.requireDistinct(spec, BatchFiles.plus(BatchFiles.files("--in", io.in, "--model", io.model,
                "--rules", io.rules, "--log-key", trail.logKey, "--pseudonym-key", trail.pseudonymKey), "--trust",
                trustOptions.trustFiles),
                BatchFiles.files("--out", out, "--log", log, "--rejects", io.rejectsFile));
        ValidateCommand.requireReadable(spec, io.in);
        ValidateCommand.requireNotEmpty(spec, io.in);
        int workers = workers();
        PrintWriter err = spec.commandLine().getErr();
        CreditEngine.Builder builder;
        try {
            builder = trustOptions.engineBuilder(io.model, io.rules);
        } catch (CreditModelException e) {
            return TrustOptions.refused(err, io.model, e);
        } catch (RuleSetException e) {
            return TrustOptions.refused(err, e);
        }
        DecisionLog opened = null;
        if (log != null) {
            try {
                opened = trail.open(log, err);
                builder.decisionLog(opened);
            } catch (CreditModelException e) {
                err.println("cannot write the decision trail: " + e.getMessage());
                err.flush();
                return CreditCli.EXIT_USAGE;
            } catch (UncheckedIOException e) {
                err.println("cannot write the decision trail " + log + ": " + e.getMessage());
                err.flush();
                return CreditCli.EXIT_USAGE;
            }
        } else {
            trail.checkUnused(spec);
        }
        long[] decided = {0};
        long[] failed = {0};
        Map<Tier, Long> tiers = new EnumMap<>(Tier.class);
        BatchReport report;
        CreditEngine engine;
        try {
            engine = builder.build();
        } catch (CreditModelException e) {
            if (opened != null) {
                opened.close();
            }
            err.println(ModelOptions.rejected(io.model, e));
            err.flush();
            return CreditCli.EXIT_USAGE;
        } catch (RuleSetException e) {
            if (opened != null) {
                opened.close();
            }
            return TrustOptions.refused(err, e);
        }
        Progress bar = new Progress(err, progress.wanted(), "decided", 0);
        try (engine; Rejects rejects = Rejects.open(io.in, err, io.rejectsFile);
             BatchFiles.AtomicOutput file = BatchFiles.AtomicOutput.open(out)) {
            OutputStream w = file.stream();
            report = ModelOptions.map(io.in, workers, (la, line) -> decide(engine, la, line), (r, line) -> {
                if (r.failed() != null) {
                    failed[0]++;
                    rejects.add(r.failed());
                    return;
                }
                try {
                    w.write(r.json());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                decided[0]++;
                tiers.merge(r.tier(), 1L, Long::sum);
                bar.update(decided[0]);
            }, rejects);
            rejects.commit();
            file.commit();
        } catch (IOException | UncheckedIOException e) {
            bar.done();
            err.println("cannot decide " + io.in + " into " + out + ": " + e.getMessage());
            err.flush();
            return CreditCli.EXIT_USAGE;
        }
        bar.done();
        err.println("decided " + decided[0] + " of " + report.lines() + " applications " + tiers
                + (report.bad() > 0 ? "; " + report.bad() + " rejected lines (see above"
                + (io.rejectsFile != null ? " and " + io.rejectsFile : "") + ")" : "")
                + (failed[0] > 0 ? "; " + failed[0] + " could not be decided (see above)" : ""));
        err.flush();
        return report.bad() > 0 || failed[0] > 0 ? CreditCli.EXIT_REJECTED : CreditCli.EXIT_OK;
    }

    /**
     * The threads to decide on: {@code --threads}, else the number of processors; one with
     * {@code --log}, whose trail is one hash chain in input order.
     *
     * @throws CommandLine.ParameterException for a count below 1, or above 1 with {@code --log}
     */
    private int workers() {
        if (threads == null) {
            return log != null ? 1 : Runtime.getRuntime().availableProcessors();
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads " + threads
                    + " is out of range; valid: 1 to " + MAX_THREADS);
        }
        if (threads > 1 && log != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads " + threads + " with --log: "
                    + "the decision trail is written in input order by one thread; drop --threads or give --threads 1");
        }
        return threads;
    }

    /** One line's outcome, made on a worker thread: its JSON line (UTF-8) and tier, or why it was not decided. */
    private record Decided(byte[] json, Tier tier, BadLine failed) {
    }

    private static Decided decide(CreditEngine engine, LabeledApplication la, long line) {
        try {
            Optional<Boolean> defaulted = la.outcome().map(LabeledApplication.Outcome::defaulted12m);
            CreditEngine.Evaluation ev = engine.evaluate(la.application(), defaulted);
            return new Decided(LINES.get().line(la.application(), ev, defaulted), ev.decision().tier(), null);
        } catch (RuleInputException | org.creditkit.core.CreditDecisionException e) {
            return new Decided(null, null, ModelOptions.failed(line, la, "cannot be decided", e.getMessage()));
        } catch (CreditException | ArithmeticException | IllegalArgumentException e) {
            return new Decided(null, null, ModelOptions.failed(line, la, "cannot be scored", e.getMessage()));
        }
    }
}
