package org.creditkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 100 hot reloads must not grow metaspace without bound: each reload generates and loads classes
 * (executable model), so a leaked container or class loader would show as classes that are never
 * unloaded and steady metaspace growth. Uses a one-rule set so that 100 builds stay cheap on a
 * shared 2-core machine (a full default-policy build costs seconds).
 *
 * <p>Measured while writing it: a leaked one-rule set keeps about 50 KB of metaspace and all of its
 * generated classes; with disposal, the generated classes are unloaded and metaspace flattens out.
 */
class ReloadMetaspaceTest {

    static final String PARAMS = RuleSetSource.defaultPolicy().files().get(PolicyParameters.FILE_NAME);
    static final String PRODUCTS = RuleSetSource.defaultPolicy().files().get(PolicyParameters.PRODUCTS_FILE_NAME);

    static RuleSetSource tiny(int n) {
        String drl = "package org.creditkit.rules.policy;\nimport org.creditkit.rules.*;\n"
                + "rule \"decline-missing-consent\"\nwhen\n    $c : Case( !input.consent, input.requestedTermMonths > " + (n % 7)
                + " )\nthen\n    $c.tier(drools.getRule().getName(), Tier.DECLINE, \"no consent "
                + n + "\", \"无授权\");\nend\n";
        return RuleSetSource.of("tiny-" + n, Map.of("tiny.drl", drl, PolicyParameters.FILE_NAME, PARAMS, PolicyParameters.PRODUCTS_FILE_NAME, PRODUCTS));
    }

    static long metaspaceAfterGc() throws InterruptedException {
        MemoryPoolMXBean pool = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getName().equals("Metaspace")).findFirst().orElseThrow();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return pool.getUsage().getUsed();
    }

    @Test
    void reload_100Times_metaspaceDoesNotGrowUnbounded() throws Exception {
        RuleInput in = Inputs.clean("M").consent(false).build();
        try (RuleEngine engine = RuleEngine.builder(RuleSets.compile(tiny(0))).withoutScenarioGate().build()) {
            for (int i = 1; i <= 10; i++) { // warm up: Drools' own classes load once
                assertThat(engine.reload(tiny(i)).accepted()).isTrue();
                engine.decide(in);
            }
            ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
            long before = metaspaceAfterGc();
            long loadedBefore = classes.getLoadedClassCount();
            long totalBefore = classes.getTotalLoadedClassCount();
            for (int i = 11; i <= 110; i++) {
                ReloadResult r = engine.reload(tiny(i));
                assertThat(r.accepted()).as(r.toString()).isTrue();
                assertThat(engine.decide(in).reasons()).extracting(Reason::en).contains("no consent " + i);
            }
            long after = metaspaceAfterGc();
            long growth = after - before;
            long loadedDuring = classes.getTotalLoadedClassCount() - totalBefore;
            long stillLoaded = classes.getLoadedClassCount() - loadedBefore;
            System.out.printf("metaspace before %.1f MB, after 100 reloads %.1f MB, growth %.1f MB;"
                    + " classes loaded during the reloads %d, still loaded %d%n",
                    before / 1e6, after / 1e6, growth / 1e6, loadedDuring, stillLoaded);
            assertThat(loadedDuring).as("each reload loads its generated classes").isGreaterThan(100);
            assertThat(stillLoaded).as("classes of replaced rule sets must be unloaded").isLessThan(loadedDuring / 5);
            // a leaked rule set keeps its generated classes (hundreds of KB each): 100 leaks would be tens of MB
            assertThat(growth).as("metaspace growth over 100 reloads").isLessThan(8_000_000L);
        }
    }
}
