package org.creditkit.bench.rules;

import java.util.concurrent.TimeUnit;
import org.creditkit.bench.SteadyState;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.feature.FeatureExtractor;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.quality.DataQualityChecker;
import org.creditkit.core.quality.DataQualityReport;
import org.creditkit.core.score.CompositeScorer;
import org.creditkit.core.score.ScoreResult;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.creditkit.rules.CompiledRuleSet;
import org.creditkit.rules.Decision;
import org.creditkit.rules.RuleInput;
import org.creditkit.rules.RuleInputMapper;
import org.creditkit.rules.RuleSetSource;
import org.creditkit.rules.RuleSets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The parts of {@link org.creditkit.rules.CreditEngine#decide} one at a time, with the default bundle and
 * policy over the 1,024 synthetic applications of {@link CreditEngineBenchmark}: feature extraction, scoring,
 * the data-quality check, mapping to the {@link RuleInput}, and the rules (Drools insert, fire, delete and
 * the {@link Decision} built from the verdicts). Each part reads the previous parts' results, prepared in
 * {@code @Setup}; with {@code -prof gc} the B/op of the parts add up to {@code CreditEngineBenchmark.decide}'s,
 * which says where a decision's allocation goes.
 *
 * <p>Run: {@code java -jar credit-bench/target/benchmarks.jar DecidePartsBenchmark -f 1 -wi 3 -i 3 -w 1s -r 1s -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class DecidePartsBenchmark {

    private static final int N = 1024;

    FeatureExtractor extractor;
    CompositeScorer scorer;
    DataQualityChecker checker;
    CompiledRuleSet rules;
    LoanApplication[] apps;
    FeatureVector[] features;
    ScoreResult[] scores;
    DataQualityReport[] reports;
    RuleInput[] inputs;
    int i;

    /** Builds the parts and runs every application through them once. */
    @Setup
    public void setUp() {
        ModelBundle bundle = ModelBundle.defaultBundle();
        scorer = bundle.scorer();
        extractor = bundle.requireCompatible(FeatureExtractor.standard());
        checker = DataQualityChecker.standard();
        rules = RuleSets.compile(RuleSetSource.defaultPolicy());
        PortfolioGenerator g = PortfolioGenerator.of(GeneratorConfig.builder().count(N).seed(7L).build());
        apps = new LoanApplication[N];
        features = new FeatureVector[N];
        scores = new ScoreResult[N];
        reports = new DataQualityReport[N];
        inputs = new RuleInput[N];
        for (int k = 0; k < N; k++) {
            apps[k] = g.generate(k).application();
            features[k] = extractor.extract(apps[k]);
            scores[k] = scorer.score(features[k], apps[k].enterprise().industry());
            reports[k] = checker.check(apps[k]);
            inputs[k] = RuleInputMapper.map(apps[k], features[k], scores[k], reports[k]);
        }
        int[] k = {0};
        SteadyState.reach("rules warm-up", () -> rules.decide(inputs[k[0]++ & (N - 1)], "bench"), 5_000, 200_000, 60);
    }

    /** Disposes the rules. */
    @TearDown
    public void tearDown() {
        rules.close();
    }

    private int next() {
        i = (i + 1) & (N - 1);
        return i;
    }

    /** Feature extraction. */
    @Benchmark
    public FeatureVector features() {
        return extractor.extract(apps[next()]);
    }

    /** Scoring the extracted features (base and industry model, reasons). */
    @Benchmark
    public ScoreResult score() {
        int k = next();
        return scorer.score(features[k], apps[k].enterprise().industry());
    }

    /** The data-quality check. */
    @Benchmark
    public DataQualityReport quality() {
        return checker.check(apps[next()]);
    }

    /** Mapping application, features, score and quality report to the rules' input. */
    @Benchmark
    public RuleInput map() {
        int k = next();
        return RuleInputMapper.map(apps[k], features[k], scores[k], reports[k]);
    }

    /** The rules: a pooled Drools session's insert, fire and delete, and the decision built from the verdicts. */
    @Benchmark
    public Decision rules() {
        return rules.decide(inputs[next()], "bench");
    }
}
