package org.creditkit.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.creditkit.core.codes.IndustryCode;
import org.creditkit.core.input.LabeledApplication;
import org.creditkit.core.score.bundle.ModelBundle;
import org.creditkit.core.sign.SigningKey;
import org.creditkit.core.sign.TrustStore;
import org.creditkit.rules.CreditEngine;
import org.creditkit.rules.Decision;

/**
 * The demo's side-by-side view of the industry layer at the decision: approval rates of the
 * technology, catering and retail, and manufacturing applications decided by the default policy
 * with the base model alone and with base plus industry overlays, beside their true default rates.
 */
final class IndustryComparison {

    private IndustryComparison() {
    }

    /** A group of applications by industry. */
    private record Group(String name, Predicate<IndustryCode> member) {
    }

    private static final List<Group> GROUPS = List.of(
            new Group("technology (I, M)", c -> c.section() == 'I' || c.section() == 'M'),
            new Group("catering/retail (H, F52)", c -> c.section() == 'H' || c.division().equals("52")),
            new Group("manufacturing (C)", c -> c.section() == 'C'));

    /**
     * The bundle without its overlays: the base model alone, same scaling and grades.
     *
     * @param layered a bundle with overlays
     * @return the base-only bundle
     */
    static ModelBundle baseOnly(ModelBundle layered) {
        return ModelBundle.builder().id(layered.id() + "-base-only").version(layered.version())
                .createdBy(layered.createdBy()).description("the base model of " + layered.id() + " without overlays")
                .catalogue(layered.catalogue()).scaling(layered.scaling()).gradeBands(layered.gradeBands())
                .base(layered.base()).training(layered.training()).metrics(layered.metrics()).build();
    }

    /**
     * Decides the holdout applications of the three groups with both models and prints per group
     * the count, approval rate under each model, mean true PD and observed default rate.
     *
     * @param out where to print
     * @param layered the trained bundle with overlays, signed by {@code key}
     * @param key signs the base-only bundle derived from it
     * @param trust trusts {@code key}
     * @param holdout labelled applications
     */
    static void printApprovals(PrintWriter out, ModelBundle layered, SigningKey key, TrustStore trust,
                               List<LabeledApplication> holdout) {
        List<LabeledApplication> apps = holdout.stream()
                .filter(a -> GROUPS.stream().anyMatch(g -> g.member().test(code(a)))).toList();
        List<Decision> base;
        List<Decision> withOverlays;
        try (CreditEngine e = CreditEngine.builder().model(baseOnly(layered).signedWith(key)).trust(trust).build()) {
            base = e.decideAll(apps.stream().map(LabeledApplication::application).toList());
        }
        try (CreditEngine e = CreditEngine.builder().model(layered).trust(trust).build()) {
            withOverlays = e.decideAll(apps.stream().map(LabeledApplication::application).toList());
        }
        out.printf("  %-25s %6s %14s %14s %12s %10s%n", "approval rate", "count", "base alone", "base+industry",
                "mean truePd", "observed");
        for (Group g : GROUPS) {
            int n = 0;
            int approvedBase = 0;
            int approvedLayered = 0;
            int defaults = 0;
            double truePd = 0;
            for (int i = 0; i < apps.size(); i++) {
                LabeledApplication a = apps.get(i);
                if (!g.member().test(code(a))) {
                    continue;
                }
                n++;
                approvedBase += base.get(i).tier().isApproval() ? 1 : 0;
                approvedLayered += withOverlays.get(i).tier().isApproval() ? 1 : 0;
                LabeledApplication.Outcome o = a.outcome().orElseThrow();
                defaults += o.defaulted12m() ? 1 : 0;
                truePd += o.truePd().orElse(Double.NaN);
            }
            if (n == 0) {
                continue;
            }
            out.printf(Locale.ROOT, "  %-25s %,6d %13.1f%% %13.1f%% %11.2f%% %9.2f%%%n", g.name(), n,
                    100.0 * approvedBase / n, 100.0 * approvedLayered / n, 100 * truePd / n, 100.0 * defaults / n);
        }
    }

    private static IndustryCode code(LabeledApplication a) {
        return a.application().enterprise().industry();
    }
}
