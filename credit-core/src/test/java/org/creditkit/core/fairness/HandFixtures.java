package org.creditkit.core.fairness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small table whose every metric was computed by hand (and cross-checked with scipy):
 * <pre>
 *  group  approved-good approved-bad declined-bad declined-good  n   PD
 *  G          11            1            3            25         40  0.10
 *  R          29            1            1             9         40  0.05
 * </pre>
 */
final class HandFixtures {

    private HandFixtures() {
    }

    static List<AuditRecord> twoGroups() {
        List<AuditRecord> out = new ArrayList<>();
        add(out, "G", "EAST", 11, true, Outcome.GOOD, 0.10);
        add(out, "G", "WEST", 1, true, Outcome.BAD, 0.10);
        add(out, "G", "EAST", 3, false, Outcome.BAD, 0.10);
        add(out, "G", "WEST", 25, false, Outcome.GOOD, 0.10);
        add(out, "R", "EAST", 29, true, Outcome.GOOD, 0.05);
        add(out, "R", "WEST", 1, true, Outcome.BAD, 0.05);
        add(out, "R", "EAST", 1, false, Outcome.BAD, 0.05);
        add(out, "R", "WEST", 9, false, Outcome.GOOD, 0.05);
        return out;
    }

    private static void add(List<AuditRecord> out, String group, String zone, int count, boolean approved,
            Outcome outcome, double pd) {
        for (int i = 0; i < count; i++) {
            out.add(AuditRecord.of(Map.of("industry", group, "zone", zone), approved).withPd(pd)
                    .withOutcome(outcome).withScore(600 - 1000 * pd));
        }
    }
}
