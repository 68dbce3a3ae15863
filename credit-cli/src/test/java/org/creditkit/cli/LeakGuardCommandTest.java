package org.creditkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.creditkit.cli.CreditCliTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The target-leak guard of {@code credit train}: a true-PD column left in a feature CSV. */
class LeakGuardCommandTest {

    @TempDir
    static Path tmp;

    static Path features;

    @BeforeAll
    static void featureCsvWithTruePd() {
        Path portfolio = tmp.resolve("portfolio.jsonl");
        Run g = CreditCliTest.run("generate", "--count", "3000", "--seed", "11", "--out", portfolio.toString());
        assertThat(g.exit()).as(g.err()).isZero();
        features = tmp.resolve("features.csv");
        Run f = CreditCliTest.run("features", portfolio.toString(), "--out", features.toString());
        assertThat(f.exit()).as(f.err()).isZero();
    }

    private static Run train(String... extra) {
        String[] base = {"train", "--data", features.toString(), "--target", "defaulted12m", "--bad", "1",
            "--exclude", "id", "--categorical", "industry,zone,size"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CreditCliTest.run(args);
    }

    @Test
    void train_truePdColumnLeftInTheCsv_stopsNamingIt() {
        Run r = train("--out", tmp.resolve("m.json").toString());
        assertThat(r.exit()).as(r.out() + r.err()).isNotZero();
        assertThat(r.err()).contains("target leak suspected: truePd (single-feature AUC", "a PD of this target",
                "--allow-feature NAME", "--exclude NAME");
        assertThat(tmp.resolve("m.json")).doesNotExist();
    }

    @Test
    void train_allowFeature_trainsAndSaysItWasAllowed() {
        Run r = train("--allow-feature", "truePd", "--out", tmp.resolve("allowed.json").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("note: allowed by --allow-feature although it looks like a target leak: truePd");
    }

    @Test
    void train_withoutTheLeak_trainsAndGroupsStrongFeaturesIntoOneNote() {
        Run r = CreditCliTest.run("train", "--data", features.toString(), "--target", "defaulted12m", "--bad", "1",
                "--exclude", "id,truePd", "--categorical", "industry,zone,size", "--out", tmp.resolve("ok.json").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("suspiciously", "target leak");
        assertThat(r.err().lines().filter(l -> l.contains("IV above 0.5")).count()).isLessThanOrEqualTo(1);
    }

    @Test
    void train_allowingAnUnknownFeature_isRefusedWithTheFeatureList() {
        Run r = train("--allow-feature", "truePD", "--out", tmp.resolve("x.json").toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("--allow-feature truePD: no such feature", "truePd");
    }
}
