package org.creditkit.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CounterfactualProbeTest {

    record App(String zone, double pd) {
        App withZone(String z) {
            return new App(z, pd);
        }
    }

    private static List<App> apps() {
        List<App> out = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            out.add(new App(i % 2 == 0 ? "EAST" : "WEST", i / 1000.0));
        }
        return out;
    }

    private static CounterfactualReport probe(java.util.function.Function<App, String> decide) {
        return CounterfactualProbe.run(apps(), "zone", App::zone, List.of("EAST", "WEST"), App::withZone, decide,
                t -> t.equals("APPROVE"));
    }

    @Test
    void attributeNotUsed_changesNoDecision() {
        CounterfactualReport r = probe(a -> a.pd() < 0.05 ? "APPROVE" : "DECLINE");
        assertThat(r.changed().successes()).isZero();
        assertThat(r.changed().trials()).isEqualTo(100);
        assertThat(r.cells()).extracting(CounterfactualReport.Cell::from).containsExactly("EAST", "WEST");
    }

    @Test
    void attributeUsed_reportsShareChangedAndDirection() {
        // WEST applicants with pd in [0.03, 0.05) are declined only because of their zone
        CounterfactualReport r = probe(a -> a.pd() < (a.zone().equals("WEST") ? 0.03 : 0.05) ? "APPROVE" : "DECLINE");
        // pd = i/1000 for i in 30..49: 10 EAST (even i) lose approval when moved WEST, 10 WEST gain it moving EAST
        assertThat(r.changed().successes()).isEqualTo(20);
        assertThat(r.changed().rate().getAsDouble()).isCloseTo(0.20, within(1e-12));
        assertThat(r.lostFavourable()).isEqualTo(10);
        assertThat(r.gainedFavourable()).isEqualTo(10);
        CounterfactualReport.Cell eastToWest = r.cells().get(0);
        assertThat(eastToWest.to()).isEqualTo("WEST");
        assertThat(eastToWest.lostFavourable()).isEqualTo(10);
        assertThat(r.toMarkdown()).contains("| EAST | WEST | 50 | 10 | 0.200 [0.112, 0.330] | 10 | 0 |");
    }

    @Test
    void needsTwoValues() {
        assertThatThrownBy(() -> CounterfactualProbe.run(apps(), "zone", App::zone, List.of("EAST"), App::withZone,
                a -> "APPROVE", t -> true)).hasMessageContaining("at least two distinct values");
    }

    /** A score from base and overlay log-odds, as the composite scorer splits it. */
    private static org.creditkit.core.score.ScoreResult scored(double base, double overlay) {
        double lo = base + overlay;
        double pd = 1 / (1 + Math.exp(-lo));
        return new org.creditkit.core.score.ScoreResult(pd, lo, 600 - 30 * lo,
                org.creditkit.core.score.Grade.of("B", 2), List.of(), base, overlay,
                overlay == 0 ? java.util.Optional.empty() : java.util.Optional.of("tech"), "m", "1", 1.0, List.of(),
                org.creditkit.core.score.ReasonBasis.NEUTRAL);
    }

    @Test
    void scores_overlayOnlyMoves_areThroughTheLayer_aBaseMoveIsOutside_noMoveIsNone() {
        // zone value WEST gets an overlay shift only
        ScoreShiftReport layer = CounterfactualProbe.scores(apps(), "zone", App::zone, List.of("EAST", "WEST"),
                App::withZone, a -> scored(-3 + a.pd(), a.zone().equals("WEST") ? 0.5 : 0));
        assertThat(layer.swaps()).isEqualTo(100);
        assertThat(layer.changed().successes()).isEqualTo(100);
        assertThat(layer.path()).isEqualTo(ScoreShiftReport.Path.THROUGH_INDUSTRY_LAYER);
        assertThat(layer.pdChange().min()).isNegative(); // WEST -> EAST loses the shift
        assertThat(layer.pdChange().max()).isPositive();
        assertThat(layer.cells()).extracting(ScoreShiftReport.Cell::from).containsExactly("EAST", "WEST");
        assertThat(layer.cells().get(0).meanPdChange()).isPositive();

        ScoreShiftReport base = CounterfactualProbe.scores(apps(), "zone", App::zone, List.of("EAST", "WEST"),
                App::withZone, a -> scored(-3 + (a.zone().equals("WEST") ? 0.2 : 0), 0));
        assertThat(base.path()).isEqualTo(ScoreShiftReport.Path.OUTSIDE_INDUSTRY_LAYER);
        assertThat(base.summary()).contains("100 through the base model, outside the industry layer (a finding)");

        ScoreShiftReport none = CounterfactualProbe.scores(apps(), "zone", App::zone, List.of("EAST", "WEST"),
                App::withZone, a -> scored(-3 + a.pd(), 0));
        assertThat(none.path()).isEqualTo(ScoreShiftReport.Path.NONE);
        assertThat(none.absolutePdChangeMean()).isZero();
    }
}
