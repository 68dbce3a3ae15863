package org.creditkit.bench.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.creditkit.core.chain.ChainReport;
import org.creditkit.core.chain.ChainSigner;
import org.creditkit.core.chain.ChainVerifier;
import org.creditkit.core.chain.CheckpointKeys;
import org.creditkit.core.feature.FeatureExtractor;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.privacy.PseudonymKey;
import org.creditkit.core.quality.DataQualityChecker;
import org.creditkit.core.quality.DataQualityReport;
import org.creditkit.core.score.ScoreResult;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.core.sign.SigningKey;
import org.creditkit.core.sign.TrustStore;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.creditkit.rules.CreditEngine;
import org.creditkit.rules.audit.DecisionLog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Verification speed of a decision trail: {@link ChainVerifier#verify} over a whole trail of
 * {@code records} real decision records (1,024 synthetic applications decided once by the default
 * engine, their records written over and over, a signed checkpoint every 1,000), one shot per
 * iteration. Records per second = records / the time reported. The trail (about 1.5 KB a record)
 * is written once per trial to a temporary directory and deleted afterwards.
 *
 * <p>Run: {@code java -jar credit-bench/target/benchmarks.jar TrailVerifyBenchmark -f 1 -wi 1 -i 3}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class TrailVerifyBenchmark {

    /** Decision records in the trail. */
    @Param("1000000")
    int records;

    Path dir;
    Path trail;
    CheckpointKeys keys;

    /** Decides 1,024 applications and writes {@code records} records. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("trail-verify");
        trail = dir.resolve("trail.jsonl");
        SigningKey key = SigningKey.generate();
        keys = CheckpointKeys.of(TrustStore.of(key.verifyingKey()));
        PortfolioGenerator g = PortfolioGenerator.of(GeneratorConfig.builder().count(1024).seed(7L).build());
        ModelBundle bundle = ModelBundle.defaultBundle();
        FeatureExtractor extractor = FeatureExtractor.standard();
        DataQualityChecker checker = DataQualityChecker.standard();
        LoanApplication[] apps = new LoanApplication[1024];
        FeatureVector[] features = new FeatureVector[apps.length];
        ScoreResult[] scores = new ScoreResult[apps.length];
        DataQualityReport[] quality = new DataQualityReport[apps.length];
        CreditEngine.Evaluation[] ev = new CreditEngine.Evaluation[apps.length];
        try (CreditEngine engine = CreditEngine.defaults()) {
            for (int k = 0; k < apps.length; k++) {
                apps[k] = g.generate(k).application();
                features[k] = extractor.extract(apps[k]);
                scores[k] = bundle.scorer().score(features[k], apps[k].enterprise().industry());
                quality[k] = checker.check(apps[k]);
                ev[k] = engine.evaluate(apps[k], Optional.empty());
            }
        }
        try (DecisionLog log = DecisionLog.to(trail).signer(ChainSigner.of(key))
                .pseudonymKey(PseudonymKey.generate(new SecureRandom())).checkpointEvery(1000).open()) {
            for (int n = 0; n < records; n++) {
                int k = n & 1023;
                log.write(apps[k], features[k], scores[k], quality[k], ev[k].decision(), bundle.checksum(),
                        Optional.empty());
            }
        }
    }

    /** Deletes the trail. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(trail);
        Files.deleteIfExists(dir);
    }

    /** Verifies the whole trail; fails loudly if it does not verify. */
    @Benchmark
    public ChainReport verify() {
        ChainReport r = ChainVerifier.verify(trail, keys);
        if (!r.ok() || r.records() != records) {
            throw new IllegalStateException(r.toText());
        }
        return r;
    }
}
