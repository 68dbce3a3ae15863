package org.creditkit.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.feature.FeatureExtractor;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.privacy.AccessLevel;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.quality.DataQualityChecker;
import org.creditkit.core.quality.DataQualityReport;
import org.creditkit.core.score.CompositeScorer;
import org.creditkit.core.score.ScoreResult;
import org.creditkit.core.score.bundle.BundleLoader;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.core.sign.TrustStore;
import org.creditkit.rules.audit.DecisionExplanation;
import org.creditkit.rules.audit.DecisionLog;
import org.creditkit.rules.audit.DecisionRecord;
import org.creditkit.rules.testing.Scenario;
import org.creditkit.rules.testing.Scenarios;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The facade a bank embeds: application in, decision out. Features, data-quality checks and the
 * score come from credit-core (a {@link ModelBundle}); the tier, offer and conditions come from a
 * Drools rule set served by a hot-reloading {@link RuleEngine}. Thread-safe: share one instance and
 * call {@link #decide} from any number of threads.
 *
 * <pre>{@code
 * try (CreditEngine engine = CreditEngine.defaults()) {
 *     Decision d = engine.decide(application);       // d.tier(), d.approvedAmount(), d.conditions() ...
 * }
 * CreditEngine custom = CreditEngine.builder()
 *         .model(ModelBundle.read(Path.of("bundle.signed.json")))
 *         .trust(TrustStore.read(List.of(Path.of("keys/model-team.pem"))))   // see docs/bundles.md
 *         .rules(RuleSetSource.directory(Path.of("rules")))
 *         .decisionLog(DecisionLog.to(Path.of("decisions.jsonl")).signer(signer).pseudonymKey(key).open())
 *         .build();
 * }</pre>
 *
 * <p>Errors: everything thrown is an {@link org.creditkit.core.CreditException}; catch its tiers to
 * act on them: {@link org.creditkit.core.CreditDataException} (this application's data, refer it),
 * {@link org.creditkit.core.CreditDecisionException} (the rules failed on this application, refer it),
 * {@link RuleSetException} and {@link org.creditkit.core.CreditModelException} (at build time: broken
 * rules or a bundle that does not fit).
 */
public final class CreditEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CreditEngine.class);

    /**
     * Everything one decision produced, for callers that need more than the decision.
     *
     * @param input what the rules saw
     * @param score the score result
     * @param quality the data-quality report
     * @param decision the decision
     */
    public record Evaluation(RuleInput input, ScoreResult score, DataQualityReport quality, Decision decision) {
    }

    private final ModelBundle bundle;
    private final CompositeScorer scorer;
    private final FeatureExtractor extractor;
    private final DataQualityChecker checker;
    private final RuleEngine rules;
    private final Optional<DecisionLog> log;
    private final String modelId;

    private CreditEngine(Builder b) {
        this.bundle = b.bundle;
        this.scorer = bundle.scorer();
        this.extractor = bundle.requireCompatible(FeatureExtractor.standard());
        LOG.info("model bundle {} {} loaded ({})", bundle.id(), bundle.version(), bundle.checksum());
        this.checker = b.checker;
        RuleEngine.Builder rb = RuleEngine.builder(RuleSets.compile(b.rules, b.limits)).reloadGate(b.gate);
        this.rules = (b.ungated ? rb.withoutScenarioGate() : rb).build();
        this.log = Optional.ofNullable(b.log);
        this.modelId = bundle.id() + "@" + bundle.version();
    }

    /**
     * The default expert model bundle and the default policy (reloads gated on the reloaded rules' own scenarios).
     *
     * @return the engine
     */
    public static CreditEngine defaults() {
        return builder().build();
    }

    /**
     * A builder starting from the defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Decides one application.
     *
     * @param application the application
     * @return the decision (ruleset version and model id recorded)
     * @throws RuleInputException when the application's data cannot be decided (data tier)
     * @throws org.creditkit.core.CreditDecisionException when the rules fail on this application
     */
    public Decision decide(LoanApplication application) {
        return (Decision) run(application, Optional.empty(), false);
    }

    /**
     * Decides an input that was mapped (and scored) already, with the rules in service — for inputs
     * scored elsewhere and for counterfactual probes that change one field of the input. Nothing is
     * written to the decision log.
     *
     * @param input the rule input
     * @return the decision (ruleset version and this engine's model id recorded)
     * @throws org.creditkit.core.CreditDecisionException when the rules fail on this input
     */
    public Decision decide(RuleInput input) {
        return rules.decide(Objects.requireNonNull(input, "input"), modelId);
    }

    /**
     * Decides one labelled application; the outcome, when known, goes to the decision log only.
     *
     * @param application the application with its outcome
     * @return the decision
     * @throws RuleInputException when the application's data cannot be decided (data tier)
     * @throws org.creditkit.core.CreditDecisionException when the rules fail on this application
     */
    public Decision decide(LabeledApplication application) {
        return (Decision) run(application.application(),
                application.outcome().map(LabeledApplication.Outcome::defaulted12m), false);
    }

    /**
     * Decides one application and returns the intermediate results too.
     *
     * @param application the application
     * @param defaulted the observed outcome for the decision log, when known
     * @return the evaluation
     * @throws RuleInputException when the application's data cannot be decided (data tier)
     * @throws org.creditkit.core.CreditDecisionException when the rules fail on this application
     */
    public Evaluation evaluate(LoanApplication application, Optional<Boolean> defaulted) {
        return (Evaluation) run(application, defaulted, true);
    }

    /**
     * Decides one application: the {@link Evaluation} when {@code evaluation}, else the decision alone ({@link
     * #decide} builds no evaluation it would drop, and no lambda for the decision log).
     */
    private Object run(LoanApplication application, Optional<Boolean> defaulted, boolean evaluation) {
        Objects.requireNonNull(application, "application");
        long t0 = System.nanoTime();
        FeatureVector features = extractor.extract(application);
        ScoreResult score = scorer.score(features, application.enterprise().industry());
        DataQualityReport quality = checker.check(application);
        RuleInput input = RuleInputMapper.map(application, features, score, quality);
        long scoring = System.nanoTime() - t0;
        Decision d = rules.decide(input, modelId, scoring,
                RuleInputMapper.lineage(application, input, quality));
        if (log.isPresent()) {
            log.get().write(application, features, score, quality, d, bundle.checksum(), defaulted);
        }
        return evaluation ? new Evaluation(input, score, quality, d) : d;
    }

    /**
     * Matches an enterprise's application against every product of the rule set in service: the
     * application is scored once and decided under each product (same amount and term), and the
     * products are split into offers, best first, and refusals with why ({@link ProductMatch}).
     * Nothing is written to the decision log: a match is an indication, not a decision.
     *
     * @param application the application (its own product is one of those matched, not a preference)
     * @return the match
     * @throws RuleInputException when the application's data cannot be decided (data tier)
     * @throws org.creditkit.core.CreditDecisionException when the rules fail on this application
     */
    public ProductMatch match(LoanApplication application) {
        Objects.requireNonNull(application, "application");
        FeatureVector features = extractor.extract(application);
        ScoreResult score = scorer.score(features, application.enterprise().industry());
        DataQualityReport quality = checker.check(application);
        RuleInput base = RuleInputMapper.map(application, features, score, quality);
        PolicyParameters params = rules.parameters();
        List<ProductOutcome> offers = new java.util.ArrayList<>();
        List<ProductOutcome> refused = new java.util.ArrayList<>();
        for (ProductPolicy pp : params.products().values()) {
            RuleInput in = base.toBuilder().product(pp.product()).build();
            ProductOutcome o = new ProductOutcome(pp.product(), pp.nameEn(), pp.nameZh(), pp.eligibility().evaluate(in),
                    rules.decide(in, modelId));
            (o.offered() ? offers : refused).add(o);
        }
        offers.sort(ProductMatch.RANKING);
        return new ProductMatch(application.id(), offers, refused);
    }

    /**
     * Decides a batch across all cores; results are in input order.
     *
     * @param applications the applications
     * @return one decision per application
     * @throws RuleInputException when the application's data cannot be decided (data tier)
     * @throws org.creditkit.core.CreditDecisionException when the rules fail on this application (the first failure ends the batch; decide one by one to keep going)
     */
    public List<Decision> decideAll(List<LoanApplication> applications) {
        return applications.parallelStream().map(this::decide).toList();
    }

    /**
     * Decides a batch of labelled applications across all cores; outcomes go to the decision log.
     *
     * @param applications the applications
     * @return one evaluation per application, in input order
     * @throws RuleInputException when the application's data cannot be decided (data tier)
     * @throws org.creditkit.core.CreditDecisionException when the rules fail on this application (the first failure ends the batch)
     */
    public List<Evaluation> evaluateAll(List<LabeledApplication> applications) {
        return applications.parallelStream()
                .map(a -> evaluate(a.application(), a.outcome().map(LabeledApplication.Outcome::defaulted12m)))
                .toList();
    }

    /**
     * The person-facing explanation of a recorded decision (PIPL art. 24), in English and Chinese,
     * from the decision trail alone: nothing is scored or decided again. Values behind the reasons
     * appear only where the reader's level may read the feature's data (see
     * {@link org.creditkit.core.feature.Openness}). Record the reading in an
     * {@link org.creditkit.core.privacy.AccessLog}.
     *
     * <pre>{@code
     * for (DecisionRecord r : DecisionTrail.find(trail, key.pseudonym(applicationId))) {
     *     DecisionExplanation x = engine.explain(r, AccessLevel.CONDITIONAL);   // x.english(), x.chinese()
     * }
     * }</pre>
     *
     * @param record a record read back with {@link org.creditkit.rules.audit.DecisionTrail#find}
     * @param level what the reader may see
     * @return the explanation
     */
    public DecisionExplanation explain(DecisionRecord record, AccessLevel level) {
        return DecisionExplanation.of(Objects.requireNonNull(record, "record"), Objects.requireNonNull(level, "level"),
                bundle.catalogue());
    }

    /**
     * Hot-reloads the rules (built and scenario-tested off the request path, then swapped atomically).
     *
     * @param source the new rules
     * @return what happened: accepted, or refused with every problem and failed scenario (a broken
     *         rule set is reported here, not thrown; the rules in service stay)
     */
    public ReloadResult reloadRules(RuleSetSource source) {
        return rules.reload(source);
    }

    /**
     * The live ruleset version.
     *
     * @return SHA-256 of the rule sources and parameters
     */
    public String rulesetVersion() {
        return rules.version();
    }

    /** Whether the live rules were loaded from the precompiled default policy (for tests). */
    boolean rulesPrecompiled() {
        return rules.precompiled();
    }

    /**
     * The model id recorded in decisions: bundle id and version.
     *
     * @return {@code id@version}
     */
    public String modelId() {
        return modelId;
    }

    /**
     * The policy parameters of the live rules.
     *
     * @return the parameters
     */
    public PolicyParameters parameters() {
        return rules.parameters();
    }

    /** Closes the rules and the decision log. */
    @Override
    public void close() {
        rules.close();
        log.ifPresent(DecisionLog::close);
    }

    /** Builder of a {@link CreditEngine}; every part has a default. */
    public static final class Builder {
        private ModelBundle bundle;
        private RuleSetSource rules;
        private List<Scenario> gate = List.of();
        private boolean ungated;
        private DecisionLimits limits = DecisionLimits.DEFAULT;
        private DataQualityChecker checker = DataQualityChecker.standard();
        private DecisionLog log;
        private TrustStore trust = TrustStore.empty();
        private boolean allowUnsigned;

        private Builder() {
        }

        /**
         * The public keys whose bundle signatures are trusted (default: none, so only the built-in
         * expert bundle is accepted unless unsigned bundles are allowed). See docs/bundles.md.
         *
         * @param value the trust store
         * @return this builder
         */
        public Builder trust(TrustStore value) {
            trust = Objects.requireNonNull(value, "trust");
            return this;
        }

        /**
         * Accepts an unsigned model bundle (or one signed by a key outside the trust store): for
         * development and tests only. A bundle whose signature by a trusted key does not match its
         * content is refused even then.
         *
         * @return this builder
         */
        public Builder allowUnsignedBundles() {
            allowUnsigned = true;
            return this;
        }

        /**
         * The model bundle (default: the expert bundle of credit-core).
         *
         * @param value the bundle
         * @return this builder
         */
        public Builder model(ModelBundle value) {
            bundle = Objects.requireNonNull(value, "model");
            return this;
        }

        /**
         * The rule set (default: the default policy).
         *
         * @param value the rule sources
         * @return this builder
         */
        public Builder rules(RuleSetSource value) {
            rules = Objects.requireNonNull(value, "rules");
            return this;
        }

        /**
         * Scenarios every hot reload must pass, in addition to the reloaded directory's own
         * {@code scenarios/} (default: none beyond those).
         *
         * @param value the gating scenarios
         * @return this builder
         */
        public Builder reloadGate(List<Scenario> value) {
            gate = List.copyOf(value);
            return this;
        }

        /**
         * Accept rules (and reloads) that bring no scenario, with no reload gate. Without this, rules
         * with no {@code scenarios/} and no {@link #reloadGate} are refused: ungated, any compiling
         * rule set would go live on a reload, "decline everything" included.
         *
         * @return this builder
         */
        public Builder withoutScenarioGate() {
            ungated = true;
            return this;
        }

        /**
         * Runaway protection of each decision (default {@link DecisionLimits#DEFAULT}).
         *
         * @param value the firing and time limits
         * @return this builder
         */
        public Builder decisionLimits(DecisionLimits value) {
            limits = Objects.requireNonNull(value, "decisionLimits");
            return this;
        }

        /**
         * The data-quality checker (default: {@link DataQualityChecker#standard()}).
         *
         * @param value the checker
         * @return this builder
         */
        public Builder qualityChecker(DataQualityChecker value) {
            checker = Objects.requireNonNull(value, "qualityChecker");
            return this;
        }

        /**
         * A decision log (default: none).
         *
         * @param value the log, closed with the engine
         * @return this builder
         */
        public Builder decisionLog(DecisionLog value) {
            log = Objects.requireNonNull(value, "decisionLog");
            return this;
        }

        /**
         * Loads, compiles and validates everything.
         *
         * @return the engine
         * @throws RuleSetException when the rules are broken (rule-set tier)
         * @throws org.creditkit.core.CreditModelException when the model bundle does not fit the
         *         feature catalogue the engine extracts, or is not trusted: unsigned or signed by an
         *         unknown key (unless {@link #allowUnsignedBundles()}), or edited after signing (model tier)
         */
        public CreditEngine build() {
            if (bundle == null) {
                bundle = ModelBundle.defaultBundle();
            }
            BundleLoader.check(bundle, trust, allowUnsigned, "model bundle " + bundle.id());
            if (rules == null) {
                rules = RuleSetSource.defaultPolicy();
            }
            if (gate.isEmpty() && rules.scenarioFiles().isEmpty() && !ungated) {
                throw new RuleSetException(rules.origin(), List.of(RuleProblem.of(rules.origin(), 1, 1,
                        "no scenario would gate reloads of these rules: add a " + RuleSetSource.SCENARIOS
                                + "/ folder of .json cases next to the rule files, give reloadGate(...), or say"
                                + " withoutScenarioGate() on purpose")));
            }
            return new CreditEngine(this);
        }
    }
}
