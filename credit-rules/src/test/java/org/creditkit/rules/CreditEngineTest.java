package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.creditkit.core.domain.DataSource;
import org.creditkit.core.domain.LoanApplication;
import org.creditkit.core.domain.SourceLineage;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.creditkit.rules.audit.DecisionLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.creditkit.core.privacy.PseudonymKey;
import org.creditkit.rules.audit.DecisionLog;

class CreditEngineTest {

    static CreditEngine engine;
    static PortfolioGenerator generator;

    @BeforeAll
    static void start() {
        engine = CreditEngine.defaults();
        generator = PortfolioGenerator.of(GeneratorConfig.builder().count(100_000).seed(4242L).build());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void decide_portfolio_recordsVersionsTimingsAndEveryTierOccurs() {
        Map<Tier, Integer> tiers = new EnumMap<>(Tier.class);
        for (int i = 0; i < 2_000; i++) {
            Decision d = engine.decide(generator.generate(i).application());
            tiers.merge(d.tier(), 1, Integer::sum);
            assertThat(d.rulesetVersion()).isEqualTo(RuleSetSource.defaultPolicy().version());
            ModelBundle b = ModelBundle.defaultBundle();
            assertThat(d.modelId()).isEqualTo(b.id() + "@" + b.version());
            assertThat(d.timings().totalNanos()).isGreaterThanOrEqualTo(d.timings().rulesNanos());
        }
        System.out.println("tier mix of 2,000 synthetic applications: " + tiers);
        assertThat(tiers.keySet()).containsExactlyInAnyOrder(Tier.values());
    }

    /**
     * One list, one consequence, with its reason named (一处失信、处处受限): an unrepaired major tax
     * violation or serious violation declines, an abnormal-operation listing not removed is never
     * approved instantly. The generator lists a few in a hundred, so 8,000 applications hold each case.
     */
    @Test
    void decide_generatedApplicationsOnNegativeLists_getTheListsConsequenceWithItsReason() {
        int tax = 0;
        int serious = 0;
        int abnormal = 0;
        for (int i = 0; i < 8_000; i++) {
            LoanApplication app = generator.generate(i).application();
            var s = app.sources();
            boolean taxListed = s.tax().map(t -> t.majorViolationListings().stream()
                    .anyMatch(l -> l.repaired().isEmpty())).orElse(false);
            boolean seriousListed = s.penalties().map(p -> p.seriousViolationListings().stream()
                    .anyMatch(l -> l.repaired().isEmpty())).orElse(false);
            boolean abnormalListed = s.penalties().map(p -> p.abnormalOperationListings().stream()
                    .anyMatch(l -> l.repaired().isEmpty())).orElse(false);
            if (!taxListed && !seriousListed && !abnormalListed) {
                continue;
            }
            Decision d = engine.decide(app);
            List<String> codes = d.reasons().stream().map(Reason::code).toList();
            if (taxListed) {
                tax++;
                assertThat(d.tier()).isEqualTo(Tier.DECLINE);
                assertThat(codes).contains("decline-red-card-major-tax-violation");
            }
            if (seriousListed) {
                serious++;
                assertThat(d.tier()).isEqualTo(Tier.DECLINE);
                assertThat(codes).contains("decline-red-card-serious-violation");
            }
            if (abnormalListed) {
                abnormal++;
                assertThat(d.tier()).isNotEqualTo(Tier.INSTANT_APPROVAL);
                assertThat(codes).contains("review-yellow-card-abnormal-operation");
            }
        }
        assertThat(tax).isPositive();
        assertThat(serious).isPositive();
        assertThat(abnormal).isPositive();
    }

    @Test
    void ruleReasons_carryTheLineageOfTheFactsTheirRuleRead() {
        // the default engine loads the precompiled default policy: its rule inputs come from precompiled.kjar
        assertThat(engine.rulesPrecompiled()).as("the default engine's rules are precompiled").isTrue();
        int redCards = 0;
        int ruleReasons = 0;
        int withLineage = 0;
        for (int i = 0; i < 3_000; i++) {
            LoanApplication app = generator.generate(i).application();
            Decision d = engine.decide(app);
            Map<String, Reason> byCode = new java.util.HashMap<>();
            d.reasons().forEach(r -> byCode.put(r.code(), r));
            for (String rule : d.firedRules()) {
                Reason r = byCode.get(rule);
                if (r == null) {
                    continue;
                }
                ruleReasons++;
                withLineage += r.lineage().isEmpty() ? 0 : 1;
                if (rule.equals("decline-red-card-unrepaired-dishonest-debtor")) {
                    redCards++;
                    var courts = app.sources().courts().orElseThrow().provenance();
                    assertThat(r.lineage()).as(rule).containsExactly(new SourceLineage(DataSource.COURTS,
                            courts.sourceSystem(), courts.asOf()));
                }
                if (rule.startsWith("decline-recent-serious-penalty")) {
                    assertThat(r.lineage()).extracting(SourceLineage::source).containsOnly(DataSource.PENALTIES);
                }
            }
        }
        assertThat(redCards).as("red cards among 3,000 synthetic applications").isPositive();
        System.out.printf("rule reasons with lineage: %d of %d%n", withLineage, ruleReasons);
        assertThat(withLineage).as("rule reasons with lineage, of %d", ruleReasons).isGreaterThan(ruleReasons * 9 / 10);
    }

    @Test
    void reasons_firstReadFromFourThreadsAtOnce_equalTheSameDecisionReadOnOneThreadAndRefuseChanges() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < 300; i++) {
                LoanApplication app = generator.generate(i).application();
                Decision once = engine.decide(app);
                Decision raced = engine.decide(app);
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<List<Reason>>> reads = new java.util.ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    reads.add(pool.submit(() -> {
                        go.await();
                        return List.copyOf(raced.reasons());
                    }));
                }
                go.countDown();
                List<Reason> eager = List.copyOf(once.reasons());
                for (var read : reads) {
                    assertThat(read.get()).isEqualTo(eager);
                }
                assertThat(raced.reasons()).isEqualTo(eager).hasSameHashCodeAs(eager);
                assertThat(raced.withTimings(once.timings())).isEqualTo(once).hasSameHashCodeAs(once);
                assertThat(eager.stream().filter(r -> !r.lineage().isEmpty())).as("reasons with lineage").isNotEmpty();
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> raced.reasons().remove(0))
                        .isInstanceOf(UnsupportedOperationException.class);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void decideAll_acrossCores_equalsOneByOneInOrder() {
        List<LoanApplication> apps = generator.generateAll().subList(0, 1_000).stream()
                .map(LabeledApplication::application).toList();
        List<Decision> parallel = engine.decideAll(apps);
        for (int i = 0; i < apps.size(); i++) {
            Decision one = engine.decide(apps.get(i));
            assertThat(parallel.get(i).applicationId()).isEqualTo(apps.get(i).id());
            assertThat(parallel.get(i).sameOutcome(one)).as(one.toString()).isTrue();
        }
    }

    /** Issue 4's cross-check: the Drools policy and its plain-Java twin agree on 100,000 applications. */
    @Test
    void droolsAndPlainJava_agreeOn100kSyntheticApplications() {
        crossCheck(100_000);
    }

    static void crossCheck(int count) {
        PlainJavaPolicy plain = PlainJavaPolicy.defaultPolicy();
        Set<String> fired = new TreeSet<>();
        Map<Tier, Integer> tiers = new EnumMap<>(Tier.class);
        int disagreements = 0;
        StringBuilder first = new StringBuilder();
        for (long i = 0; i < count; i++) {
            CreditEngine.Evaluation ev = engine.evaluate(generator.generate(i).application(), Optional.empty());
            Decision java = plain.decide(ev.input(), engine.modelId());
            if (!ev.decision().sameOutcome(java) && disagreements++ < 3) {
                first.append('\n').append(ev.input()).append("\n  drools ").append(ev.decision())
                        .append("\n  java   ").append(java);
            }
            fired.addAll(ev.decision().firedRules());
            tiers.merge(ev.decision().tier(), 1, Integer::sum);
        }
        System.out.println("tier mix of " + count + " synthetic applications: " + tiers + "; rules fired: " + fired.size());
        assertThat(disagreements).as("disagreements:%s", first).isZero();
        assertThat(tiers.keySet()).containsExactlyInAnyOrder(Tier.values());
    }

    @Test
    void decisionLog_writesAuditFieldsAndMasksIdentifiers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("decisions.jsonl");
        LabeledApplication a = generator.generate(7);
        PseudonymKey key = PseudonymKey.generate(new SecureRandom());
        try (CreditEngine logged = CreditEngine.builder()
                .decisionLog(DecisionLog.to(file).pseudonymKey(key).development().open()).build()) {
            logged.decide(a);
        }
        List<String> lines = Files.readAllLines(file);
        String line = lines.stream().filter(l -> l.contains("\"kind\":\"decision\"")).findFirst().orElseThrow();
        assertThat(String.join("\n", lines)).doesNotContain(a.application().id())
                .doesNotContain(a.application().enterprise().uscc().value())
                .doesNotContain(a.application().enterprise().name());
        JsonNode n = new ObjectMapper().readTree(line);
        assertThat(n.get("application").asText()).isEqualTo(key.pseudonym(a.application().id())).hasSize(32);
        for (String field : List.of("time", "engine", "enterprise", "input", "bundleChecksum", "qualityFlags",
                "industrySection", "zone", "sizeClass", "ownership", "tier", "approved", "score", "pd",
                "grade", "rulesetVersion", "modelId", "approvedAmount", "firedRules", "reasons")) {
            assertThat(n.has(field)).as(field).isTrue();
        }
        assertThat(n.get("industrySection").asText()).isEqualTo(a.application().enterprise().industry().sectionCode());
        assertThat(n.get("defaulted").asBoolean()).isEqualTo(a.outcome().orElseThrow().defaulted12m());
    }
}
