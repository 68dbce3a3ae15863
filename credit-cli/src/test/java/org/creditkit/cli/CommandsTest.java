package org.creditkit.cli;

import org.creditkit.models.GermanCredit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

class CommandsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Object command, String... args) {
        return Cli.execute(command.getClass(), out, err, args);
    }

    @Test
    void train_targetWithAThirdValue_exits3UnlessGoodValuesAreNamed() throws Exception {
        StringBuilder csv = new StringBuilder("x,status\n");
        for (int i = 0; i < 300; i++) {
            csv.append(i % 100).append(',').append(i % 7 == 0 ? "running" : i % 100 < 30 ? "default" : "repaid")
                    .append('\n');
        }
        Path data = Files.writeString(dir.resolve("loans.csv"), csv);
        Path model = dir.resolve("m.json");

        int refused = run(new TrainCommand(), "--data", data.toString(), "--target", "status", "--bad", "default",
                "--out", model.toString(), "--no-progress");
        assertThat(refused).as(err.toString()).isEqualTo(3);
        assertThat(err.toString()).contains("target (status) has 3 values").contains("--good");
        assertThat(model).doesNotExist();

        err.getBuffer().setLength(0);
        int trained = run(new TrainCommand(), "--data", data.toString(), "--target", "status", "--bad", "default",
                "--good", "repaid", "--allow-feature", "x", "--out", model.toString(), "--no-progress");
        assertThat(trained).as(err.toString()).isZero();
        assertThat(err.toString()).contains("43 row(s) left out whose value is neither bad ('default') nor good"
                + " [repaid]: [running]");
    }

    @Test
    void train_germanCreditWithCv_writesModelMetricsAndReport() throws Exception {
        String data = GermanCredit.path().toString();
        Path model = dir.resolve("model.json");
        Path metrics = dir.resolve("metrics.json");
        Path report = dir.resolve("report");
        int code = run(new TrainCommand(), "--data", data, "--target", "class", "--bad", "bad", "--cv", "5",
                "--out", model.toString(), "--metrics-out", metrics.toString(), "--report", report.toString(),
                "--no-progress");
        assertThat(code).as(err.toString()).isZero();
        JsonNode m = new ObjectMapper().readTree(metrics.toFile());
        for (String field : new String[] {"auc", "gini", "ks", "brier", "rows", "bads"}) {
            assertThat(m.has(field)).as(field).isTrue();
        }
        assertThat(m.get("rows").asInt()).isEqualTo(1000);
        assertThat(m.get("bads").asInt()).isEqualTo(300);
        assertThat(m.at("/cv/folds")).hasSize(5);
        assertThat(m.at("/cv/mean/auc").asDouble()).isGreaterThan(0.77);
        assertThat(Files.readString(report.resolve("index.html"))).contains("<svg", "ROC curve", "Calibration by decile",
                "Score distribution by outcome", "checking_status", "Cross-validation (5-fold");
        assertThat(out.toString()).contains("5-fold CV AUC");
        assertThat(err.toString()).contains("used 1000 of 1000 rows").doesNotContain("\r");

        // evaluate the saved model on the same file
        Path metrics2 = dir.resolve("eval.json");
        int code2 = run(new EvaluateCommand(), "--model", model.toString(), "--data", data, "--target", "class",
                "--bad", "bad", "--metrics-out", metrics2.toString());
        assertThat(code2).as(err.toString()).isZero();
        JsonNode e = new ObjectMapper().readTree(metrics2.toFile());
        assertThat(e.get("auc").asDouble()).isCloseTo(m.get("auc").asDouble(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(e.at("/model/sha256").asText()).isEqualTo(m.at("/model/bundleChecksum").asText());
        assertThat(org.creditkit.core.score.bundle.ModelBundle.read(model).checksum())
                .isEqualTo(m.at("/model/bundleChecksum").asText());

        // PSI of a file against itself is refused: STABLE by construction, it says nothing
        int self = run(new PsiCommand(), "--expected", data, "--actual", data, "--model", model.toString(),
                "--target", "class", "--bad", "bad");
        assertThat(self).as(err.toString()).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--expected and --actual are the same file",
                "STABLE by construction (PSI 0 on every feature)");

        // the same rows in another order are another file: zero and stable
        List<String> arff = Files.readAllLines(Path.of(data));
        int rows = 0;
        while (!arff.get(rows).trim().equalsIgnoreCase("@data")) {
            rows++;
        }
        List<String> reordered = new java.util.ArrayList<>(arff.subList(0, rows + 1));
        List<String> body = new java.util.ArrayList<>(arff.subList(rows + 1, arff.size()).stream()
                .filter(l -> !l.isBlank()).toList());
        java.util.Collections.reverse(body);
        reordered.addAll(body);
        Path reversed = dir.resolve("credit-g-reversed.arff");
        Files.write(reversed, reordered);
        int code3 = run(new PsiCommand(), "--expected", data, "--actual", reversed.toString(), "--model",
                model.toString(), "--target", "class", "--bad", "bad");
        assertThat(code3).as(err.toString()).isZero();
        assertThat(out.toString()).contains("score PSI 0.0000 (STABLE)")
                .as("CSI over the bundle scorecard's own bins").containsPattern("checking_status\\s+0\\.0000  STABLE");

        // the same from the bundle alone, the one model file
        assertThat(dir.resolve("model.json.workbench.json")).doesNotExist();
        Path psiOut = dir.resolve("psi.json");
        int code4 = run(new PsiCommand(), "--expected", data, "--actual", reversed.toString(), "--model",
                model.toString(), "--target", "class", "--bad", "bad", "--out", psiOut.toString());
        assertThat(code4).as(err.toString()).isZero();
        JsonNode psi = new ObjectMapper().readTree(psiOut.toFile());
        assertThat(psi.at("/score/index").asDouble()).isZero();
        JsonNode checking = null;
        for (JsonNode f : psi.get("features")) {
            if (f.get("name").asText().equals("checking_status")) {
                checking = f;
            }
        }
        assertThat(checking).as("checking_status among %s", psi.get("features")).isNotNull();
        assertThat(checking.get("index").asDouble()).isZero();
        assertThat(checking.get("bins").get(checking.get("bins").size() - 1).get("bin").asText()).isEqualTo("missing");
        double share = 0;
        for (JsonNode b : checking.get("bins")) {
            share += b.get("expectedShare").asDouble();
        }
        assertThat(share).as("every row falls in one bin").isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void trainAndEvaluate_portfolioWithOverlays_scoreThroughTheCoreBundle() throws Exception {
        java.util.List<double[]> truth = new java.util.ArrayList<>();
        var apps = org.creditkit.models.data.PortfolioReaderTest.applications(1500, 4, truth);
        Path train = dir.resolve("train.jsonl");
        org.creditkit.models.data.PortfolioReaderTest.writePortfolio(train, apps, truth, "");
        java.util.List<double[]> truth2 = new java.util.ArrayList<>();
        var apps2 = org.creditkit.models.data.PortfolioReaderTest.applications(900, 5, truth2);
        Path holdout = dir.resolve("holdout.jsonl");
        org.creditkit.models.data.PortfolioReaderTest.writePortfolio(holdout, apps2, truth2, "");
        Path bundle = dir.resolve("bundle.json");
        Path trainMetrics = dir.resolve("train.json");
        int code = run(new TrainCommand(), "--data", train.toString(), "--industry-overlays", "--overlay-min-bads", "10",
                "--out", bundle.toString(), "--metrics-out", trainMetrics.toString(), "--report",
                dir.resolve("train-report").toString(), "--no-progress");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("oracle AUC").contains("industry layer, out of fold (5 folds)");
        JsonNode layer = new ObjectMapper().readTree(trainMetrics.toFile()).get("industryLayer");
        assertThat(layer.get("folds").asInt()).isEqualTo(5);
        assertThat(layer.get("industries")).hasSize(3);
        assertThat(layer.get("base").get("auc").asDouble()).isGreaterThan(0.6);
        assertThat(layer.get("layered").has("logLoss")).isTrue();
        assertThat(layer.get("industries").get(0).get("base").has("observedOverPredicted")).isTrue();
        assertThat(layer.has("worstCalibrationGapBase")).isTrue();
        assertThat(layer.has("worstCalibrationGapLayered")).isTrue();
        assertThat(java.nio.file.Files.readString(dir.resolve("train-report").resolve("index.html")))
                .contains("Industry layer: base alone vs base + industry overlays")
                .contains("Default rate per industry: observed vs predicted");
        Path metrics = dir.resolve("holdout.json");
        int code2 = run(new EvaluateCommand(), "--model", bundle.toString(), "--data", holdout.toString(),
                "--metrics-out", metrics.toString(), "--report", dir.resolve("rep").toString());
        assertThat(code2).as(err.toString()).isZero();
        JsonNode m = new ObjectMapper().readTree(metrics.toFile());
        assertThat(m.get("rows").asInt()).isEqualTo(900);
        assertThat(m.has("oracleAuc")).isTrue();
        assertThat(m.get("industries")).hasSize(3);
        assertThat(m.get("auc").asDouble()).isGreaterThan(0.6);
    }

    @Test
    void train_naicsIndustryWithZeroAndUnknownCodes_succeedsAndReportsThem() throws Exception {
        StringBuilder csv = new StringBuilder("id,x,naics,bad\n");
        java.util.Random rnd = new java.util.Random(13);
        String[] codes = {"722511", "722511", "445110", "445110", "0", "999999", ""};
        for (int i = 0; i < 4000; i++) {
            String code = codes[i % codes.length];
            double x = rnd.nextGaussian();
            double z = -2 + x + (code.startsWith("72") ? -0.6 : code.startsWith("44") ? 0.5 : 0);
            csv.append(i).append(',').append(x).append(',').append(code).append(',')
                    .append(rnd.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0).append('\n');
        }
        Path data = dir.resolve("naics.csv");
        java.nio.file.Files.writeString(data, csv);
        Path bundle = dir.resolve("naics.json");
        int code = run(new TrainCommand(), "--data", data.toString(), "--target", "bad", "--bad", "1", "--exclude", "id",
                "--industry", "naics", "--industry-scheme", "naics", "--industry-overlays", "--overlay-min-bads", "10",
                "--allow-feature", "x",
                "--out", bundle.toString(), "--no-progress");
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("industry (naics): 1713 of 4000 rows have a missing, zero or unknown NAICS code");
        assertThat(out.toString()).contains("1,713 rows without a known industry code: base only");
        JsonNode overlays = new ObjectMapper().readTree(bundle.toFile()).get("overlays");
        assertThat(overlays).hasSize(2);
        assertThat(overlays.get(0).get("scheme").asText()).isEqualTo("NAICS");
        assertThat(overlays.get(0).get("industries").get(0).asText()).isEqualTo("44");
        int code2 = run(new EvaluateCommand(), "--model", bundle.toString(), "--data", data.toString(), "--target", "bad",
                "--bad", "1", "--industry", "naics", "--industry-scheme", "naics");
        assertThat(code2).as(err.toString()).isZero();
    }

    @Test
    void evaluate_gbmOnArffTable_scoresFromTheBundleAloneAsTraining() throws Exception {
        String data = GermanCredit.path().toString();
        Path model = dir.resolve("gbm.json");
        Path metrics = dir.resolve("gbm-metrics.json");
        assertThat(run(new TrainCommand(), "--data", data, "--target", "class", "--bad", "bad", "--model", "gbm",
                "--trees", "30", "--seed", "3", "--out", model.toString(), "--metrics-out", metrics.toString(),
                "--no-progress")).as(err.toString()).isZero();
        assertThat(dir.resolve("gbm.json.workbench.json")).doesNotExist();
        Path metrics2 = dir.resolve("gbm-eval.json");
        int code = run(new EvaluateCommand(), "--model", model.toString(), "--data", data, "--target", "class",
                "--bad", "bad", "--metrics-out", metrics2.toString());
        assertThat(code).as(err.toString()).isZero();
        JsonNode trained = new ObjectMapper().readTree(metrics.toFile());
        JsonNode evaluated = new ObjectMapper().readTree(metrics2.toFile());
        assertThat(evaluated.get("auc").asDouble()).as("categorical codes come from the bundle's training.columns")
                .isCloseTo(trained.get("auc").asDouble(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(evaluated.get("brier").asDouble())
                .isCloseTo(trained.get("brier").asDouble(), org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void evaluate_reportFromTheBundleAlone_showsTrainingBinsWoeAndPoints() throws Exception {
        Path model = dir.resolve("model.json");
        assertThat(run(new TrainCommand(), "--data", GermanCredit.path().toString(), "--target", "class", "--bad", "bad",
                "--out", model.toString(), "--no-progress")).isZero();
        Path report = dir.resolve("eval-report");
        int code = run(new EvaluateCommand(), "--model", model.toString(), "--data", GermanCredit.path().toString(),
                "--target", "class", "--bad", "bad", "--report", report.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readString(report.resolve("index.html")))
                .contains("Scorecard: weight of evidence and points per feature", "checking_status", "WoE of checking_status",
                        "Training metadata", "credit-g.arff");
    }

    @Test
    void evaluate_bundleWithEditedTrainingDetail_isRejectedByItsChecksum() throws Exception {
        Path model = dir.resolve("model.json");
        assertThat(run(new TrainCommand(), "--data", GermanCredit.path().toString(), "--target", "class", "--bad", "bad",
                "--out", model.toString(), "--no-progress")).isZero();
        ObjectMapper om = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) om
                .readTree(model.toFile());
        com.fasterxml.jackson.databind.node.ObjectNode bin = (com.fasterxml.jackson.databind.node.ObjectNode) root
                .at("/training/detail/scorecard/features/0/bins/0");
        assertThat(bin.isMissingNode()).isFalse();
        bin.put("woe", bin.get("woe").asDouble() + 1);
        om.writeValue(model.toFile(), root);
        int code = run(new EvaluateCommand(), "--model", model.toString(), "--data", GermanCredit.path().toString(),
                "--target", "class", "--bad", "bad");
        assertThat(code).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("checksum");
    }

    @Test
    void creditCli_trainEvaluatePsi_areRegisteredSubcommands() {
        CommandLine cl = CreditCli.newCommandLine();
        assertThat(cl.getSubcommands()).containsKeys("train", "evaluate", "psi");
    }

    @Test
    void train_sameDataAndSeedTwice_writesTheSameBundleChecksum() throws Exception {
        String data = GermanCredit.path().toString();
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        for (Path p : new Path[] {a, b}) {
            assertThat(run(new TrainCommand(), "--data", data, "--target", "class", "--bad", "bad", "--model", "gbm",
                    "--trees", "20", "--seed", "7", "--id", "german-gbm", "--out", p.toString(), "--no-progress")).isZero();
        }
        assertThat(org.creditkit.core.score.bundle.ModelBundle.read(a).checksum())
                .isEqualTo(org.creditkit.core.score.bundle.ModelBundle.read(b).checksum());
        assertThat(Files.readString(a)).isEqualTo(Files.readString(b));
    }

    @Test
    void train_gbmModel_trainsAndReports() {
        int code = run(new TrainCommand(), "--data", GermanCredit.path().toString(), "--target", "class", "--bad", "bad",
                "--model", "gbm", "--trees", "30", "--out", dir.resolve("g.json").toString(), "--no-progress");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("trained gbm");
    }

    @Test
    void train_gbmMonotoneAuto_notesTheScorecardsDirections() {
        int code = run(new TrainCommand(), "--data", GermanCredit.path().toString(), "--target", "class", "--bad", "bad",
                "--model", "gbm", "--trees", "30", "--monotone", "auto,age=0", "--out", dir.resolve("g.json").toString(),
                "--no-progress");
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("note: GBM monotone constraints (--monotone auto;")
                .contains("duration +1").doesNotContain("age -1");
    }

    @Test
    void train_monotoneMisspelt_orUnknownFeature_orForAScorecard_isAUsageErrorNamingIt() {
        Path model = dir.resolve("m.json");
        String[] base = {"--data", GermanCredit.path().toString(), "--target", "class", "--bad", "bad", "--out",
            model.toString(), "--no-progress"};
        int code = run(new TrainCommand(), concat(base, "--model", "gbm", "--monotone", "duration=up"));
        assertThat(code).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--monotone: 'duration=up' is neither auto nor NAME=+1");
        code = run(new TrainCommand(), concat(base, "--model", "gbm", "--monotone", "age=+1,age=-1"));
        assertThat(code).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--monotone: age is named twice");
        code = run(new TrainCommand(), concat(base, "--model", "gbm", "--monotone", "durration=+1"));
        assertThat(code).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("durration is not a feature of the data").contains("duration, credit_amount");
        code = run(new TrainCommand(), concat(base, "--monotone", "auto"));
        assertThat(code).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--monotone auto constrains a GBM; add --model gbm");
        assertThat(model).doesNotExist();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void train_gbmSettingsOutOfRange_areAUsageErrorNamingEachSettingItsRangeAndTheFlags() {
        Path model = dir.resolve("m.json");
        int code = run(new TrainCommand(), "--data", GermanCredit.path().toString(), "--target", "class", "--bad", "bad",
                "--model", "gbm", "--l2", "-1", "--validation-share", "1.5", "--out", model.toString(), "--no-progress");
        assertThat(code).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("l2 must be finite and >= 0, got -1.0")
                .contains("validationShare must be in [0, 0.5], got 1.5").contains("--validation-share")
                .doesNotContain("subsample must");
        assertThat(model).doesNotExist();
    }

    @Test
    void train_missingBadValue_isAUsageErrorWithAHint() {
        int code = run(new TrainCommand(), "--data", GermanCredit.path().toString(), "--target", "class",
                "--out", dir.resolve("m.json").toString());
        assertThat(code).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--target COL and --bad VALUE are required");
    }

    @Test
    void train_unknownBadValue_failsNamingDeclaredValues() {
        int code = run(new TrainCommand(), "--data", GermanCredit.path().toString(), "--target", "class", "--bad", "BAD",
                "--out", dir.resolve("m.json").toString());
        assertThat(code).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("declared: [good, bad]");
    }

    @Test
    void train_unknownModel_isRefusedBeforeTheDataIsRead() {
        int code = run(new TrainCommand(), "--data", dir.resolve("does-not-exist.csv").toString(), "--target", "class",
                "--bad", "bad", "--model", "xgboost", "--out", dir.resolve("x.json").toString());
        assertThat(code).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--model must be scorecard or gbm, got 'xgboost'")
                .doesNotContain("does-not-exist");
        assertThat(dir.resolve("x.json")).doesNotExist();
    }

    @Test
    void psi_sameRowsInAnotherFile_isStableExit0_andShiftedDataExit2() throws Exception {
        Path expected = dir.resolve("expected.csv");
        Path actual = dir.resolve("actual.csv");
        StringBuilder e = new StringBuilder("x\n");
        StringBuilder a = new StringBuilder("x\n");
        for (int i = 0; i < 500; i++) {
            e.append(i % 100).append('\n');
            a.append(i % 100 < 50 ? 99 : i % 100).append('\n');
        }
        Files.writeString(expected, e);
        Files.writeString(actual, a);
        Path sameRowsReordered = dir.resolve("expected-reordered.csv");
        List<String> rows = new java.util.ArrayList<>(Files.readAllLines(expected).subList(1, 501));
        java.util.Collections.reverse(rows);
        Files.writeString(sameRowsReordered, "x\n" + String.join("\n", rows) + "\n");
        assertThat(run(new PsiCommand(), "--expected", sameRowsReordered.toString(), "--actual", expected.toString()))
                .as(err.toString()).isEqualTo(CreditCli.EXIT_OK);
        assertThat(out.toString()).contains("verdict STABLE");
        assertThat(run(new PsiCommand(), "--expected", expected.toString(), "--actual", actual.toString()))
                .as(err.toString()).isEqualTo(CreditCli.EXIT_VERDICT);
        assertThat(out.toString()).contains("verdict SHIFT");
    }

    @Test
    void psi_aFileAgainstItselfOrAByteIdenticalCopy_isRefusedNotStable() throws Exception {
        Path expected = dir.resolve("self.csv");
        StringBuilder e = new StringBuilder("x\n");
        for (int i = 0; i < 500; i++) {
            e.append(i % 100).append('\n');
        }
        Files.writeString(expected, e);
        Path copy = dir.resolve("self-copy.csv");
        Files.copy(expected, copy);
        out.getBuffer().setLength(0);
        assertThat(run(new PsiCommand(), "--expected", expected.toString(), "--actual", expected.toString()))
                .isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--expected and --actual are the same file (" + expected + ")",
                "STABLE by construction", "give the development sample as --expected and a recent sample as --actual");
        assertThat(run(new PsiCommand(), "--expected", expected.toString(), "--actual",
                dir.resolve(".").resolve("self.csv").toString())).isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(run(new PsiCommand(), "--expected", expected.toString(), "--actual", copy.toString()))
                .isEqualTo(CreditCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--expected " + expected + " and --actual " + copy
                + " have identical content (" + Files.size(copy) + " bytes)");
        assertThat(out.toString()).doesNotContain("verdict");
    }
}
