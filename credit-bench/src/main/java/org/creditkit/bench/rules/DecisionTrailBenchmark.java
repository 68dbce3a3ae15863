package org.creditkit.bench.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.creditkit.bench.SteadyState;
import org.creditkit.core.chain.ChainSigner;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.privacy.PseudonymKey;
import org.creditkit.core.sign.SigningKey;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.creditkit.rules.CreditEngine;
import org.creditkit.rules.Decision;
import org.creditkit.rules.audit.DecisionLog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of the decision trail per decision: {@link CreditEngine#decide} without a log, and with
 * the hash-chained trail (keyed pseudonyms, HMAC input digest, SHA-256 per line, an Ed25519-signed
 * checkpoint every 1,000 records, each line handed to the OS), over 1,024 synthetic applications
 * rotated. The trail goes to a temporary file deleted at tear-down. The difference of the two is the
 * trail's cost per decision. Both engines are driven to their steady state in {@code @Setup}
 * ({@link SteadyState}: Drools compiles constraints in the background).
 *
 * <p>Run: {@code java -jar credit-bench/target/benchmarks.jar DecisionTrailBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class DecisionTrailBenchmark {

    CreditEngine plain;
    CreditEngine logged;
    LoanApplication[] apps;
    Path dir;
    int i;

    /** Builds both engines (one compile each) and generates the applications. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("trail-bench");
        plain = CreditEngine.defaults();
        DecisionLog log = DecisionLog.to(dir.resolve("trail.jsonl"))
                .signer(ChainSigner.of(SigningKey.generate()))
                .pseudonymKey(PseudonymKey.generate(new SecureRandom()))
                .checkpointEvery(1000)
                .open();
        logged = CreditEngine.builder().decisionLog(log).build();
        PortfolioGenerator g = PortfolioGenerator.of(GeneratorConfig.builder().count(1024).seed(7L).build());
        apps = new LoanApplication[1024];
        for (int k = 0; k < apps.length; k++) {
            apps[k] = g.generate(k).application();
        }
        int[] k = {0};
        SteadyState.reach("decide without trail warm-up", () -> plain.evaluate(apps[k[0]++ & 1023], Optional.empty()),
                5_000, 50_000, 60);
        SteadyState.reach("decide with trail warm-up", () -> logged.evaluate(apps[k[0]++ & 1023], Optional.empty()),
                5_000, 50_000, 60);
    }

    /** Closes the engines and deletes the trail. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        plain.close();
        logged.close();
        try (var files = Files.list(dir)) {
            files.forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Files.delete(dir);
    }

    /** One decision, no trail. */
    @Benchmark
    public Decision decideWithoutTrail() {
        i = (i + 1) & 1023;
        return plain.evaluate(apps[i], Optional.empty()).decision();
    }

    /** One decision written to the signed, chained trail. */
    @Benchmark
    public Decision decideWithTrail() {
        i = (i + 1) & 1023;
        return logged.evaluate(apps[i], Optional.empty()).decision();
    }
}
