package org.creditkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.creditkit.cli.CreditCliTest.Run;
import org.creditkit.core.testsupport.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PsiCommandTest {

    @TempDir
    Path dir;

    /** A CSV of two numeric features; {@code shift} moves the first one's distribution. */
    private Path csv(String name, long seed, double shift) throws IOException {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder("x,z,y\n");
        for (int i = 0; i < 2000; i++) {
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%d%n", r.nextDouble() + shift * r.nextDouble(),
                    r.nextGaussian(), r.nextInt(10) == 0 ? 1 : 0));
        }
        return Files.writeString(dir.resolve(name), sb.toString());
    }

    private Run psi(Path expected, Path actual, String... extra) {
        String[] base = {"psi", "--expected", expected.toString(), "--actual", actual.toString(), "--target", "y",
            "--bad", "1"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CreditCliTest.run(args);
    }

    @Test
    void psi_shiftBeyondTheLimit_exitsTwoAndWritesAReportOpeningOnTheVerdict() throws IOException {
        Path report = dir.resolve("report");
        Run r = psi(csv("e.csv", 1, 0), csv("a.csv", 2, 1.5), "--report", report.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.out()).contains("verdict SHIFT: largest feature CSI exceeds the limit 0.2500");
        String html = Files.readString(report.resolve("report.html"));
        assertThat(html.indexOf("id=\"verdict\"")).isLessThan(html.indexOf("<svg"));
        assertThat(html).contains("badge SHIFT\">SHIFT", "1 of 2 features with CSI above the limit: x ");
        HeadlessChromium.Page page = HeadlessChromium.require().render(report.resolve("report.html"));
        assertThat(page.errors()).isEmpty();
        assertThat(page.hasId("verdict")).isTrue();
    }

    @Test
    void psi_aFileAgainstItselfThroughALink_isAUsageErrorNotStable() throws IOException {
        Path e = csv("e.csv", 1, 0);
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), e);
        Run r = psi(e, link);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(r.err()).contains("--expected and --actual are the same file (" + link + ")",
                "STABLE by construction (PSI 0 on every feature)", "Try 'credit psi --help'");
        assertThat(r.out()).doesNotContain("verdict");
    }

    @Test
    void psi_sameDistribution_exitsZeroStable() throws IOException {
        Run r = psi(csv("e.csv", 1, 0), csv("a.csv", 2, 0));
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("verdict STABLE");
    }

    @Test
    void psi_aLooserLimit_acceptsTheShift() throws IOException {
        Run r = psi(csv("e.csv", 1, 0), csv("a.csv", 2, 1.5), "--limit", "5");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
    }

    @Test
    void psi_withProgress_showsEachStageOnStderr_andStdoutStaysClean() throws IOException {
        Run r = psi(csv("e.csv", 1, 0), csv("a.csv", 2, 0), "--progress");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.err()).contains("reading data     2/2 (100%)").contains("feature CSI").doesNotContain("score PSI");
        assertThat(r.out()).doesNotContain("reading data").doesNotContain("\r");
        assertThat(psi(csv("e.csv", 1, 0), csv("a.csv", 2, 0), "--no-progress").err()).isEmpty();
    }

    @Test
    void psi_nonPositiveLimit_isAUsageError() throws IOException {
        Run r = psi(csv("e.csv", 1, 0), csv("a.csv", 2, 0), "--limit", "0");
        assertThat(r.exit()).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(r.err()).contains("--limit 0.0: expected a positive PSI");
    }
}
