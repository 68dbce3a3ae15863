package org.creditkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * Test-scale version of the issue-5 quality bar (measured at 200,000 / 100,000 rows in
 * docs/synthetic-portfolio.md): a scorecard trained on the generated portfolio comes close to the
 * oracle on a separately generated holdout. At 20,000 rows the scorecard has fewer bins and more
 * estimation error than at full scale, so the tolerance is wider than the bar; it still fails when the
 * generator stops carrying the truth in its observable data.
 */
class SyntheticPortfolioGapTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Object command, String... args) {
        return Cli.execute(command.getClass(), out, err, args);
    }

    private static void generate(Path file, int count, long seed) throws Exception {
        try (OutputStream os = Files.newOutputStream(file)) {
            PortfolioGenerator.of(GeneratorConfig.builder().count(count).seed(seed).build()).writeJsonLines(os);
        }
    }

    @Test
    void scorecard_generatedPortfolio20k_holdoutAucCloseToTheOracle() throws Exception {
        Path train = dir.resolve("train.jsonl");
        Path holdout = dir.resolve("holdout.jsonl");
        generate(train, 20_000, 1);
        generate(holdout, 20_000, 2);
        Path bundle = dir.resolve("bundle.json");
        assertThat(run(new TrainCommand(), "--data", train.toString(), "--out", bundle.toString(), "--no-progress"))
                .as(err.toString()).isZero();
        Path metrics = dir.resolve("holdout.json");
        assertThat(run(new EvaluateCommand(), "--model", bundle.toString(), "--data", holdout.toString(),
                "--metrics-out", metrics.toString())).as(err.toString()).isZero();
        JsonNode m = new ObjectMapper().readTree(metrics.toFile());
        double auc = m.get("auc").asDouble();
        double oracle = m.get("oracleAuc").asDouble();
        assertThat(oracle).as("oracle AUC").isBetween(0.80, 0.90);
        assertThat(auc).as("scorecard AUC %.4f against oracle %.4f", auc, oracle).isGreaterThan(oracle - GAP_TOLERANCE);
        assertThat(auc).isLessThan(oracle + 0.01);
    }

    /** Measured at this scale (seeds 1 / 2): scorecard 0.853 against oracle 0.884, a gap of 0.031; 0.009 of room. */
    private static final double GAP_TOLERANCE = 0.04;
}
