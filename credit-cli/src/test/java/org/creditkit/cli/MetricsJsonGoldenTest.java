package org.creditkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.creditkit.models.GermanCredit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics JSON of {@code credit train} and {@code credit evaluate} against golden files: the
 * same keys in the same order at every level, arrays of the same length, texts equal, and every
 * number within {@value #TOLERANCE} relative (or absolute, near zero) of the golden value. So the
 * test fails when the format changes (a key added, dropped, renamed or moved) or a metric drifts
 * (a change of training, binning, the verdict's tests), and passes across JDKs whose last-digit
 * floating-point results differ. Checksums ({@code sha256:...}) are compared by form only: they
 * change with any byte of the bundle. Regenerate with {@code -Dcreditkit.updateGolden=true} and
 * review the diff.
 */
class MetricsJsonGoldenTest {

    /** Relative tolerance of a number against its golden value. */
    static final double TOLERANCE = 1e-6;

    private static final Path GOLDEN = Paths.get("src/test/resources/MetricsJsonGoldenTest");
    private static final Pattern CHECKSUM = Pattern.compile("(sha256:)?[0-9a-f]{64}");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void trainWithCv_andEvaluate_germanCredit_matchGoldenMetrics() throws IOException {
        String data = GermanCredit.path().toString();
        Path model = dir.resolve("model.json");
        Path trained = dir.resolve("train.json");
        assertThat(Cli.execute(TrainCommand.class, out, err, "--data", data, "--target", "class", "--bad", "bad",
                "--cv", "5", "--seed", "7", "--out", model.toString(), "--metrics-out", trained.toString(),
                "--no-progress")).as(err.toString()).isZero();
        Path evaluated = dir.resolve("evaluate.json");
        assertThat(Cli.execute(EvaluateCommand.class, out, err, "--model", model.toString(), "--data", data,
                "--target", "class", "--bad", "bad", "--metrics-out", evaluated.toString())).as(err.toString()).isZero();
        golden("german-scorecard-train.json", trained);
        golden("german-scorecard-evaluate.json", evaluated);
        JsonNode e = new ObjectMapper().readTree(evaluated.toFile());
        assertThat(e.at("/stability/psi").asDouble()).as("the training sample against itself").isZero();
        assertThat(e.at("/verdict/checks").findValuesAsText("check")).contains("stability (PSI vs training sample)");
    }

    private static void golden(String name, Path actualFile) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("creditkit.updateGolden")) {
            Files.createDirectories(GOLDEN);
            Files.copy(actualFile, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(file).as("golden file %s (regenerate with -Dcreditkit.updateGolden=true)", file).exists();
        ObjectMapper m = new ObjectMapper();
        List<String> differences = new ArrayList<>();
        compare("$", m.readTree(Files.readString(file, StandardCharsets.UTF_8)), m.readTree(actualFile.toFile()),
                differences);
        assertThat(differences).as("differences from %s", file).isEmpty();
    }

    /** Collects where {@code actual} differs from {@code expected} beyond the tolerance. */
    static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.getNodeType() != actual.getNodeType()) {
            out.add(path + ": " + actual.getNodeType() + " " + actual + ", golden " + expected.getNodeType() + " "
                    + expected);
        } else if (expected.isObject()) {
            List<String> ek = new ArrayList<>();
            expected.fieldNames().forEachRemaining(ek::add);
            List<String> ak = new ArrayList<>();
            actual.fieldNames().forEachRemaining(ak::add);
            if (!ek.equals(ak)) {
                out.add(path + ": keys " + ak + ", golden " + ek);
                return;
            }
            for (String k : ek) {
                compare(path + "." + k, expected.get(k), actual.get(k), out);
            }
        } else if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                out.add(path + ": " + actual.size() + " elements, golden " + expected.size());
                return;
            }
            Iterator<JsonNode> e = expected.elements();
            Iterator<JsonNode> a = actual.elements();
            for (int i = 0; e.hasNext(); i++) {
                compare(path + "[" + i + "]", e.next(), a.next(), out);
            }
        } else if (expected.isNumber()) {
            double x = expected.doubleValue();
            double y = actual.doubleValue();
            if (!(Math.abs(x - y) <= TOLERANCE * Math.max(1.0, Math.abs(x)))) {
                out.add(path + ": " + y + ", golden " + x);
            }
        } else if (expected.isTextual() && CHECKSUM.matcher(expected.asText()).matches()) {
            if (!CHECKSUM.matcher(actual.asText()).matches()) {
                out.add(path + ": '" + actual.asText() + "' is not a checksum like the golden '" + expected.asText() + "'");
            }
        } else if (!expected.equals(actual)) {
            out.add(path + ": " + actual + ", golden " + expected);
        }
    }

    @Test
    void compare_reportsAMovedKeyADriftedMetricAndALengthChange() throws IOException {
        ObjectMapper m = new ObjectMapper();
        List<String> d = new ArrayList<>();
        compare("$", m.readTree("{\"auc\":0.8,\"ks\":0.5,\"bins\":[1,2]}"),
                m.readTree("{\"ks\":0.5,\"auc\":0.8}"), d);
        assertThat(d).containsExactly("$: keys [ks, auc], golden [auc, ks, bins]");
        d.clear();
        compare("$", m.readTree("{\"auc\":0.8,\"bins\":[1,2]}"), m.readTree("{\"auc\":0.8000001,\"bins\":[1]}"), d);
        assertThat(d).containsExactly("$.bins: 1 elements, golden 2");
        d.clear();
        compare("$", m.readTree("{\"auc\":0.8}"), m.readTree("{\"auc\":0.8001}"), d);
        assertThat(d).containsExactly("$.auc: 0.8001, golden 0.8");
    }
}
