package org.creditkit.core.score.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.creditkit.core.CreditModelException;
import org.creditkit.core.codes.IndustryCode;
import org.creditkit.core.feature.FeatureCatalogue;
import org.creditkit.core.feature.Openness;
import org.creditkit.core.feature.FeatureVector;
import org.creditkit.core.score.GradeBands;
import org.creditkit.core.score.IndustryOverlay;
import org.creditkit.core.score.ReasonBasis;
import org.creditkit.core.score.Scaling;
import org.creditkit.core.score.ScoreResult;
import org.creditkit.core.score.TestCatalogues;
import org.creditkit.core.score.scorecard.Scorecard;
import org.creditkit.core.score.spi.ModelRegistry;
import org.creditkit.core.score.tree.TreeEnsemble;
import org.creditkit.core.score.tree.TreeEnsemble.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final FeatureCatalogue cat = TestCatalogues.of(4);

    /** A small bundle over a custom catalogue: scorecard base, tree-ensemble overlay for section C. */
    ModelBundle small() {
        Scorecard base = Scorecard.builder(cat).intercept(-3.5)
                .numeric("f0", new double[] {0.4, 0.7}, new double[] {-0.3, 0.0, 0.6}, 0.2)
                .categorical("f1", List.of(Scorecard.Category.of(List.of(4.0), -0.5),
                        Scorecard.Category.of(List.of(0.0, 1.0), 0.9)), 0.1, 0.3)
                .build();
        TreeEnsemble overlay = TreeEnsemble.builder(cat).intercept(0.1).shrinkage(0.5).scale(2)
                .tree(List.of(Node.split(2, 10, 1, 2, false), Node.leaf(-0.2), Node.leaf(0.4)))
                .tree(List.of(new Node(3, 1, 1, 2, Double.NaN, true, true), Node.leaf(0.1), Node.leaf(-0.1)))
                .build();
        ObjectNode training = JSON.createObjectNode().put("rows", 1000).put("seed", 7);
        return ModelBundle.builder().id("small").version("1.0.0").createdBy("ModelBundleTest")
                .scaling(Scaling.of(600, 50, 40))
                .gradeBands(GradeBands.byPd(List.of(GradeBands.Band.of("A", 0.02), GradeBands.Band.of("B", 0.1),
                        GradeBands.Band.of("C", 1))))
                .catalogue(cat).base(base)
                .overlay(IndustryOverlay.of("manufacturing", "Manufacturing", List.of("C"), overlay))
                .training(training).metric("auc", 0.8).build();
    }

    @Test
    void roundTrip_writeRead_givesIdenticalChecksumAndJson(@TempDir Path dir) {
        ModelBundle b = small();
        Path file = dir.resolve("b.json");
        b.write(file);
        ModelBundle back = ModelBundle.read(file);
        assertThat(back.checksum()).isEqualTo(b.checksum()).startsWith("sha256:").hasSize(71);
        assertThat(back.toJson()).isEqualTo(b.toJson());
        assertThat(back.base()).isEqualTo(b.base());
        assertThat(back.overlays().get(0).model()).isEqualTo(b.overlays().get(0).model());
        assertThat(back.catalogue().definitions()).isEqualTo(cat.definitions());
        assertThat(back.features()).containsExactly("f0", "f1", "f2", "f3");
        assertThat(back.metrics().get("auc").doubleValue()).isEqualTo(0.8);
    }

    @Test
    void build_sameInputs_giveSameChecksum() {
        assertThat(small().checksum()).isEqualTo(small().checksum());
    }

    @Test
    void checksum_ignoresFormattingAndKeyOrder() throws IOException {
        ModelBundle b = small();
        JsonNode tree = JSON.readTree(b.toJson());
        String compact = JSON.writeValueAsString(tree);
        assertThat(ModelBundle.parse(compact, "compact", ModelRegistry.standard()).checksum()).isEqualTo(b.checksum());
        ObjectNode reordered = JSON.createObjectNode();
        List<String> names = new java.util.ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(n -> reordered.set(n, tree.get(n)));
        assertThat(ModelBundle.parse(reordered.toString(), "reordered", ModelRegistry.standard()).checksum())
                .isEqualTo(b.checksum());
    }

    @Test
    void fixtureV1_stillLoads_andScoresAsDesigned() throws IOException {
        ModelBundle b;
        try (InputStream in = getClass().getResourceAsStream("/ModelBundleTest/v1-small-bundle.json")) {
            b = ModelBundle.read(in, "v1-small-bundle.json", ModelRegistry.standard());
        }
        assertThat(b.id()).isEqualTo("small");
        FeatureVector x = FeatureVector.of(b.catalogue(), 0.5, 1, 12, Double.NaN);
        ScoreResult r = b.scorer().score(x, IndustryCode.of("C39"));
        // base: -3.5 + 0 (f0 in [0.4, 0.7)) + 0.9 (f1 code 1); overlay: 2 * (0.1 + 0.5 * (0.4 + 0.1))
        assertThat(r.baseLogOdds()).isCloseTo(-2.6, within(1e-12));
        assertThat(r.industryLogOdds()).isCloseTo(0.7, within(1e-12));
        assertThat(r.overlay()).contains("manufacturing");
        assertThat(r.grade().code()).isEqualTo("C");
        assertThat(b.checksum()).isEqualTo(small().checksum());
        // written before population shares existed: reasons fall back to the best bin, and say so
        assertThat(b.scorer().reasonBasis()).isEqualTo(ReasonBasis.MOST_FAVOURABLE);
        assertThat(r.reasonBasis()).isEqualTo(ReasonBasis.MOST_FAVOURABLE);
    }

    // ------------------------------------------------------------------ population shares

    /** The small bundle's base scorecard alone, with shares on both characteristics. */
    private ObjectNode withShares() throws IOException {
        ObjectNode j = json();
        j.remove("overlays");
        j.putArray("overlays");
        return baseShares(j);
    }

    private static ObjectNode baseShares(ObjectNode j) throws IOException {
        baseChar(j, 0).set("shares", JSON.readTree("{\"bins\": [0.2, 0.5, 0.2], \"missing\": 0.1}"));
        baseChar(j, 1).set("shares", JSON.readTree("{\"categories\": [0.3, 0.6], \"other\": 0.05, \"missing\": 0.05}"));
        return j;
    }

    /** Seals the checksum and reads. */
    private static ModelBundle sealed(ObjectNode j, String name) {
        j.put("checksum", CanonicalJson.checksum(j));
        return ModelBundle.parse(j.toString(), name, ModelRegistry.standard());
    }

    @Test
    void read_populationShares_roundTrip_andMakeReasonsNeutral() throws IOException {
        ModelBundle b = sealed(withShares(), "shares");
        assertThat(b.scorer().reasonBasis()).isEqualTo(ReasonBasis.NEUTRAL);
        Scorecard card = (Scorecard) b.base();
        assertThat(card.characteristics().get(1).shares()).contains(
                new Scorecard.Shares(List.of(0.3, 0.6), 0.05, 0.05));
        // f0 neutral: 0.2 * -0.3 + 0.5 * 0 + 0.2 * 0.6 + 0.1 * 0.2 = 0.08
        assertThat(card.neutral(0)).hasValueCloseTo(0.08, within(1e-12));
        assertThat(ModelBundle.parse(b.toJson(), "again", ModelRegistry.standard()).checksum()).isEqualTo(b.checksum());
    }

    private void assertSharesRejected(Consumer<ObjectNode> corruption, String... messages) throws IOException {
        assertRejected(withShares(), corruption, messages);
    }

    @Test
    void read_badPopulationShares_areRefusedNamingTheJsonPath() throws IOException {
        assertSharesRejected(j -> ((ArrayNode) baseChar(j, 0).get("shares").get("bins")).set(0, 1.2),
                "$.base.characteristics[0].shares.bins[0]: feature 'f0': a population share must be in [0, 1], got 1.2");
        assertSharesRejected(j -> ((ArrayNode) baseChar(j, 0).get("shares").get("bins")).remove(2),
                "$.base.characteristics[0].shares.bins: feature 'f0' has 3 bins but 2 shares");
        assertSharesRejected(j -> ((ObjectNode) baseChar(j, 1).get("shares")).put("other", 0.3),
                "$.base.characteristics[1].shares: feature 'f1': population shares sum to 1.25");
        assertSharesRejected(j -> baseChar(j, 1).remove("shares"),
                "$.base.characteristics[1].shares: feature 'f1' has no population shares but 1 other");
        assertSharesRejected(j -> ((ObjectNode) baseChar(j, 0).get("shares")).put("other", 0.0),
                "$.base.characteristics[0].shares.other: unknown field; allowed");
        assertSharesRejected(j -> baseChar(j, 0).put("shares", "all"),
                "$.base.characteristics[0].shares: must be an object");
    }

    // ------------------------------------------------------------------ tree covers

    /** The small bundle with base shares and the overlay's nodes covered (1,000 training rows). */
    private ObjectNode withCovers() throws IOException {
        ObjectNode j = baseShares(json());
        double[][] covers = {{1000, 300, 700}, {1000, 100, 900}};
        for (int t = 0; t < 2; t++) {
            for (int n = 0; n < 3; n++) {
                overlayNode(j, t, n).put("cover", covers[t][n]);
            }
        }
        return j;
    }

    @Test
    void read_treeCovers_roundTrip_andMakeReasonsNeutral() throws IOException {
        ModelBundle b = sealed(withCovers(), "covers");
        assertThat(b.scorer().reasonBasis()).isEqualTo(ReasonBasis.NEUTRAL);
        TreeEnsemble overlay = (TreeEnsemble) b.overlays().get(0).model();
        assertThat(overlay.hasCovers()).isTrue();
        // f2: tree 0 root value 0.1 (mean of -0.2 and 0.4): 2 * 0.5 * (0.3 * -0.3 + 0.7 * 0.3) = 0.12
        assertThat(overlay.neutral(2)).hasValueCloseTo(0.12, within(1e-12));
        assertThat(ModelBundle.parse(b.toJson(), "again", ModelRegistry.standard()).checksum()).isEqualTo(b.checksum());
        // the same bundle without covers: the whole scorer falls back, visibly
        ObjectNode bare = withCovers();
        for (int t = 0; t < 2; t++) {
            for (int n = 0; n < 3; n++) {
                overlayNode(bare, t, n).remove("cover");
            }
        }
        assertThat(sealed(bare, "bare").scorer().reasonBasis()).isEqualTo(ReasonBasis.MOST_FAVOURABLE);
    }

    @Test
    void read_badTreeCovers_areRefusedNamingTheJsonPath() throws IOException {
        String node = "$.overlays[0].model.trees[%d].nodes[%d].cover: ";
        assertRejected(withCovers(), j -> overlayNode(j, 1, 2).remove("cover"), String.format(node, 1, 2)
                + "is missing, but 5 of the ensemble's 6 nodes record a cover; give every node its training cover");
        assertRejected(withCovers(), j -> overlayNode(j, 0, 1).put("cover", -300).put("value", -0.2),
                String.format(node, 0, 1) + "tree 0 node 1: a cover (training rows reaching the node) must be finite"
                        + " and >= 0, got -300.0");
        assertRejected(withCovers(), j -> overlayNode(j, 0, 2).put("cover", 600),
                String.format(node, 0, 0) + "tree 0 node 0: cover 1000.0 is not the sum of its children's covers"
                        + " (300.0 + 600.0 = 900.0)");
        assertRejected(withCovers(), j -> {
            overlayNode(j, 1, 0).put("cover", 500);
            overlayNode(j, 1, 2).put("cover", 400);
        }, String.format(node, 1, 0) + "tree 1: root cover 500.0 differs from the first tree's 1000.0");
        assertRejected(withCovers(), j -> overlayNode(j, 0, 0).put("cover", "many"),
                String.format(node, 0, 0) + "must be a finite number");
        assertRejected(withCovers(), j -> overlayNode(j, 0, 1).put("cover", 1e16),
                String.format(node, 0, 1) + "1.0E16 is out of range");
    }

    // ------------------------------------------------------------------ corrupt bundles

    private ObjectNode json() throws IOException {
        return (ObjectNode) JSON.readTree(small().toJson());
    }

    /** Applies a corruption, re-seals the checksum (so only the corruption is reported) and reads. */
    private void assertRejected(Consumer<ObjectNode> corruption, String... messages) throws IOException {
        assertRejected(json(), corruption, messages);
    }

    private static void assertRejected(ObjectNode j, Consumer<ObjectNode> corruption, String... messages) {
        corruption.accept(j);
        j.put("checksum", CanonicalJson.checksum(j));
        var thrown = assertThatThrownBy(() -> ModelBundle.parse(j.toString(), "corrupt", ModelRegistry.standard()))
                .isInstanceOf(CreditModelException.class);
        for (String m : messages) {
            thrown.hasMessageContaining(m);
        }
    }

    private static ObjectNode definition(ObjectNode j, int i) {
        return (ObjectNode) j.get("catalogue").get("definitions").get(i);
    }

    @Test
    void catalogueOpenness_declaredPerField_isReadBackAndWritten_andMayBeStricterThanItsSources() throws IOException {
        ObjectNode j = json();
        definition(j, 1).put("openness", "not-open");   // f1 comes from COURTS, a public source
        j.put("checksum", CanonicalJson.checksum(j));
        ModelBundle b = ModelBundle.parse(j.toString(), "declared", ModelRegistry.standard());
        assertThat(b.catalogue().find("f1").orElseThrow().openness()).isEqualTo(Openness.NOT_OPEN);
        assertThat(b.catalogue().find("f0").orElseThrow().openness()).as("undeclared: its source's level")
                .isEqualTo(Openness.CONDITIONAL);
        assertThat(definition((ObjectNode) JSON.readTree(b.toJson()), 1).path("openness").asText()).isEqualTo("not-open");
        assertThat(small().toJson()).as("fields at their sources' level add nothing").doesNotContain("openness");
    }

    @Test
    void catalogueOpenness_moreOpenThanASourceOrUnknown_isRefusedNamingTheField() throws IOException {
        assertRejected(j -> definition(j, 0).put("openness", "public"),
                "feature 'f0' is declared public but its source TAX is conditional");
        assertRejected(j -> definition(j, 1).put("openness", "secret"),
                "$.catalogue.definitions[1].openness: unknown openness \"secret\"; valid: public, conditional, not-open");
    }

    private static ObjectNode baseChar(ObjectNode j, int i) {
        return (ObjectNode) j.get("base").get("characteristics").get(i);
    }

    private static ObjectNode overlayNode(ObjectNode j, int tree, int node) {
        return (ObjectNode) j.get("overlays").get(0).get("model").get("trees").get(tree).get("nodes").get(node);
    }

    @Test
    void read_unsupportedFormatVersion_isRejected() throws IOException {
        assertRejected(j -> j.put("formatVersion", 2), "$.formatVersion: unsupported format version 2",
                "written by a newer creditkit", "supports 1");
        assertRejected(j -> j.put("formatVersion", "1"), "$.formatVersion: must be an integer format version");
    }

    @Test
    void read_tamperedContent_failsChecksum() throws IOException {
        ObjectNode j = json();
        baseChar(j, 0).put("missing", -5.0);
        assertThatThrownBy(() -> ModelBundle.parse(j.toString(), "tampered", ModelRegistry.standard()))
                .isInstanceOf(CreditModelException.class)
                .hasMessageContaining("$.checksum: checksum mismatch")
                .hasMessageContaining("changed after it was written");
        ObjectNode k = json();
        k.remove("checksum");
        assertThatThrownBy(() -> ModelBundle.parse(k.toString(), "unsealed", ModelRegistry.standard()))
                .hasMessageContaining("$.checksum: is missing");
    }

    @Test
    void read_unknownFeature_isRejectedWithPath() throws IOException {
        assertRejected(j -> baseChar(j, 0).put("feature", "debt_ratio"),
                "$.base.characteristics[0].feature: unknown feature 'debt_ratio': catalogue test/4 has no such feature");
        assertRejected(j -> ((ArrayNode) j.get("features")).add("ghost"),
                "$.features[4]: unknown feature 'ghost'");
        assertRejected(j -> ((ArrayNode) j.get("features")).remove(0),
                "$.base: model reads feature 'f0' which is not in $.features");
        assertRejected(j -> overlayNode(j, 0, 0).put("feature", "nope"),
                "$.overlays[0].model.trees[0].nodes[0].feature: unknown feature 'nope'");
    }

    @Test
    void read_nonAscendingEdges_isRejected() throws IOException {
        assertRejected(j -> ((ObjectNode) baseChar(j, 0).get("bins").get(1)).put("hi", 0.3),
                "$.base.characteristics[0].bins[1]: feature 'f0' bin 1 [0.4, 0.3): edges must ascend");
    }

    @Test
    void read_gapInCoverage_isRejected() throws IOException {
        assertRejected(j -> ((ObjectNode) baseChar(j, 0).get("bins").get(2)).put("lo", 0.8),
                "$.base.characteristics[0].bins[2].lo: feature 'f0' bin 2 starts at 0.8 but bin 1 ends at 0.7: gap in coverage");
        assertRejected(j -> ((ObjectNode) baseChar(j, 0).get("bins").get(2)).put("hi", 5.0),
                "the last bin must end at +inf");
    }

    @Test
    void read_nanOrNonNumericPoints_areRejected() throws IOException {
        assertRejected(j -> ((ObjectNode) baseChar(j, 0).get("bins").get(0)).put("logOdds", "NaN"),
                "$.base.characteristics[0].bins[0].logOdds: must be a finite number, got string \"NaN\"");
        assertRejected(j -> ((ObjectNode) baseChar(j, 0).get("bins").get(0)).putNull("logOdds"),
                "$.base.characteristics[0].bins[0].logOdds: is missing");
        // a literal NaN token is not JSON at all
        String text = small().toJson().replaceFirst("\"missing\" : 0.2", "\"missing\" : NaN");
        assertThatThrownBy(() -> ModelBundle.parse(text, "nan.json", ModelRegistry.standard()))
                .isInstanceOf(CreditModelException.class).hasMessageContaining("nan.json:")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void read_missingMissingBin_isRejected() throws IOException {
        assertRejected(j -> baseChar(j, 1).remove("missing"),
                "$.base.characteristics[1].missing: feature 'f1' has no missing bin");
    }

    @Test
    void read_badTreeChildIndex_isRejected() throws IOException {
        assertRejected(j -> overlayNode(j, 0, 0).put("right", 9),
                "$.overlays[0].model.trees[0].nodes[0].right: tree 0 node 0: child index 9 is outside the tree (0..2)");
        assertRejected(j -> overlayNode(j, 0, 0).put("left", 1.5), "$.overlays[0].model.trees[0].nodes[0].left: must be an integer");
    }

    @Test
    void read_treeCycle_isRejected() throws IOException {
        assertRejected(j -> {
            ObjectNode n1 = overlayNode(j, 1, 1);
            n1.put("feature", "f0").put("threshold", 1.0).put("left", 0).put("right", 2).put("missingLeft", false);
        }, "$.overlays[0].model.trees[1].nodes[1]: tree 1 node 1 points back to node 0 on its own path from the root: cycle");
    }

    @Test
    void read_missingDirectionAbsent_isRejected() throws IOException {
        assertRejected(j -> overlayNode(j, 0, 0).remove("missingLeft"),
                "$.overlays[0].model.trees[0].nodes[0].missingLeft: is missing; say where a missing value goes");
    }

    @Test
    void read_unknownModelType_namesKnownTypes() throws IOException {
        assertRejected(j -> ((ObjectNode) j.get("base")).put("type", "xgboost"),
                "$.base.type: unknown model type 'xgboost'; known: [scorecard, tree-ensemble");
    }

    @Test
    void read_unknownFieldAndBadGrades_areAllReportedAtOnce() throws IOException {
        ObjectNode j = json();
        j.put("colour", "blue");
        ((ObjectNode) j.get("scaling")).put("pdo", -20);
        ((ObjectNode) j.get("grades").get("bands").get(1)).put("cutoff", 0.01);
        ((ObjectNode) j.get("overlays").get(0)).putArray("industries").add("Z99");
        j.put("checksum", CanonicalJson.checksum(j));
        assertThatThrownBy(() -> ModelBundle.parse(j.toString(), "multi", ModelRegistry.standard()))
                .isInstanceOfSatisfying(CreditModelException.class, e -> assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(4))
                .hasMessageContaining("$.colour: unknown field")
                .hasMessageContaining("$.scaling.pdo: points to double the odds must be > 0")
                .hasMessageContaining("$.grades.bands: band 1 (B): PD cutoff 0.01 must be above the previous band's 0.02")
                .hasMessageContaining("$.overlays[0].industries[0]: industry 'Z99'");
    }

    @Test
    void read_industryClaimedTwice_isRejected() throws IOException {
        assertRejected(j -> {
            ObjectNode copy = ((ObjectNode) j.get("overlays").get(0)).deepCopy();
            copy.put("id", "other");
            ((ArrayNode) j.get("overlays")).add(copy);
        }, "$.overlays[1].industries[0]: industry C is already claimed by overlay 'manufacturing'");
    }

    @Test
    void read_customCatalogueProblems_areRejected() throws IOException {
        assertRejected(j -> ((ObjectNode) j.get("catalogue")).remove("definitions"),
                "$.catalogue.version: unknown catalogue version 'test/4'");
        assertRejected(j -> ((ObjectNode) j.get("catalogue").get("definitions").get(0)).putArray("lineage").add("GOSSIP"),
                "$.catalogue.definitions[0].lineage[0]: unknown data source \"GOSSIP\"");
    }

    @Test
    void read_duplicateKey_isRejected() {
        String text = small().toJson().replaceFirst("\"id\" : \"small\",", "\"id\" : \"small\", \"id\" : \"evil\",");
        assertThatThrownBy(() -> ModelBundle.parse(text, "dup.json", ModelRegistry.standard()))
                .isInstanceOf(CreditModelException.class).hasMessageContaining("Duplicate field 'id'");
    }

    @Test
    void read_missingFile_isModelException(@TempDir Path dir) {
        assertThatThrownBy(() -> ModelBundle.read(dir.resolve("none.json")))
                .isInstanceOf(CreditModelException.class).hasMessageContaining("cannot read model bundle");
    }

    /** Regenerates the v1 fixture; only for a deliberate format change (never for v1 itself). */
    public static void main(String[] args) throws IOException {
        Path out = Path.of("src/test/resources/ModelBundleTest/v1-small-bundle.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, new ModelBundleTest().small().toJson(), StandardCharsets.UTF_8);
    }
}
