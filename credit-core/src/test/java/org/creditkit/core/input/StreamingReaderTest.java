package org.creditkit.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.creditkit.core.CreditDataException;
import org.creditkit.core.Problem;
import org.creditkit.core.synth.GeneratorConfig;
import org.creditkit.core.synth.PortfolioGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader against the tree walk it stands in for, on a generated corpus (fixed seeds)
 * of valid documents and of corrupted ones: wrong values and types at every kind of field, missing,
 * unknown and duplicate keys, reordered keys, hostile number texts and character edits. Whatever the
 * streaming reader accepts, the tree walk accepts with equal records; whatever the reader returns
 * through its public methods (records, or every problem with its location and message) is exactly
 * the tree walk's outcome.
 */
class StreamingReaderTest {

    /** A fixed clock: the "in the future" message names "now". */
    private static final StrictApplicationReader READER = StrictApplicationReader.builder()
            .clock(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC)).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int DOCUMENTS = 120;
    private static final int MUTATIONS = 10;

    private static List<String> valid;
    private static List<String> corpus;

    @BeforeAll
    static void generate() throws IOException {
        PortfolioGenerator gen = PortfolioGenerator.of(GeneratorConfig.builder().count(DOCUMENTS).seed(1717).build());
        valid = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            // labeled lines (with an outcome) and bare applications, as a portfolio and a decide batch hold
            valid.add(i % 3 == 0 ? ApplicationJson.write(gen.generate(i).application())
                    : ApplicationJson.write(gen.generate(i)));
        }
        Random random = new Random(20261130L);
        corpus = new ArrayList<>(valid);
        for (String doc : valid) {
            for (int m = 0; m < MUTATIONS; m++) {
                corpus.add(mutate(doc, random));
            }
        }
    }

    /** What a read gives: the records, or every problem. */
    private record Outcome(LabeledApplication accepted, List<Problem> problems) {
    }

    private static Outcome byTree(String doc, boolean line) {
        List<Problem> problems = new ArrayList<>();
        LabeledApplication a = READER.readLabeledByTree(doc, problems, line);
        return new Outcome(a, a == null ? problems : List.of());
    }

    private static Outcome byPublicReader(String doc) {
        try {
            return new Outcome(READER.readLabeled(doc), List.of());
        } catch (CreditDataException e) {
            return new Outcome(null, e.problems());
        }
    }

    @Test
    void generatedDocuments_areAllAcceptedByTheStreamingReader_asTheTreeWalkBuildsThem() {
        for (String doc : valid) {
            LabeledApplication streamed = READER.readLabeledStreaming(doc);
            assertThat(streamed).as(doc).isNotNull().isEqualTo(byTree(doc, false).accepted());
        }
    }

    @Test
    void corpusWithInvalidDocuments_streamingAcceptsOnlyWhatTheTreeWalkAccepts_withEqualRecords() {
        int streamedAccepted = 0;
        int treeRejected = 0;
        for (String doc : corpus) {
            LabeledApplication streamed = READER.readLabeledStreaming(doc);
            Outcome tree = byTree(doc, false);
            if (streamed != null) {
                streamedAccepted++;
                assertThat(tree.accepted()).as(doc).isEqualTo(streamed);
            }
            if (tree.accepted() == null) {
                treeRejected++;
            }
        }
        // both sides of the comparison are exercised: many corrupted documents are still valid, most are not
        assertThat(streamedAccepted).isGreaterThan(DOCUMENTS + DOCUMENTS * MUTATIONS / 10);
        assertThat(treeRejected).isGreaterThan(DOCUMENTS * MUTATIONS / 2);
    }

    @Test
    void corpusWithInvalidDocuments_publicReadGivesTheTreeWalksRecordsOrExactlyItsProblems() {
        for (String doc : corpus) {
            assertThat(byPublicReader(doc)).as(doc).isEqualTo(byTree(doc, false));
        }
    }

    @Test
    void bareApplicationRead_givesTheTreeWalksRecordOrExactlyItsProblems() {
        for (String doc : corpus) {
            Object fast;
            Object tree;
            try {
                fast = READER.read(doc);
            } catch (CreditDataException e) {
                fast = e.problems();
            }
            try {
                tree = READER.readByTree(doc);
            } catch (CreditDataException e) {
                tree = e.problems();
            }
            assertThat(fast).as(doc).isEqualTo(tree);
        }
    }

    @Test
    void corpusAsJsonLines_batchGivesEveryLineTheTreeWalksOutcome() {
        List<String> lines = corpus.stream().filter(d -> d.indexOf('\n') < 0 && d.indexOf('\r') < 0).toList();
        byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        Map<Long, Outcome> got = new LinkedHashMap<>();
        long[] lineNo = {0};
        READER.readBatch(new ByteArrayInputStream(bytes), good -> got.put(++lineNo[0], new Outcome(good, List.of())),
                bad -> got.put(lineNo[0] = bad.lineNumber(), new Outcome(null, bad.problems())));
        assertThat(got).hasSize(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            assertThat(got.get(i + 1L)).as(lines.get(i)).isEqualTo(byTree(lines.get(i), true));
        }
    }

    @Test
    void decimalSeriesValues_areConvertedExactlyAsTheTreesBigDecimalGivesThem() {
        Random r = new Random(5);
        String doc = valid.get(1);
        int from = doc.indexOf("\"values\":[") + "\"values\":[".length();
        int to = doc.indexOf(']', from);
        int count = doc.substring(from, to).split(",").length;
        int accepted = 0;
        for (int d = 0; d < 400; d++) {
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < count; i++) {
                values.append(i == 0 ? "" : ",").append(randomDecimal(r));
            }
            String mutated = doc.substring(0, from) + values + doc.substring(to);
            LabeledApplication streamed = READER.readLabeledStreaming(mutated);
            Outcome tree = byTree(mutated, false);
            if (tree.accepted() == null) {
                // random magnitudes 1..1e15 in one series: some months read as another unit, refused by both
                assertThat(streamed).as(mutated).isNull();
                assertThat(tree.problems()).as(mutated)
                        .allSatisfy(p -> assertThat(p.message()).contains("a change of unit by"));
                continue;
            }
            assertThat(streamed).as(mutated).isNotNull().isEqualTo(tree.accepted());
            accepted++;
        }
        assertThat(accepted).isGreaterThan(200);
    }

    /** A non-negative decimal below 1e15 with 1-19 significant digits, sometimes with an exponent. */
    private static String randomDecimal(Random r) {
        StringBuilder sb = new StringBuilder();
        int digits = 1 + r.nextInt(19);
        int point = r.nextInt(Math.min(digits, 10)) + 1;
        for (int i = 0; i < digits; i++) {
            sb.append((char) ('0' + (i == 0 ? 1 + r.nextInt(9) : r.nextInt(10))));
            if (i + 1 == point && i + 1 < digits) {
                sb.append('.');
            }
        }
        if (sb.indexOf(".") < 0) {
            sb.append(".5");
        }
        if (r.nextInt(4) == 0) {
            sb.append('e').append(-r.nextInt(12));
        }
        return sb.toString();
    }

    @Test
    void plainTextCheck_isTheTreeWalksBlankAndControlChecks_forEveryCharacter() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            for (String s : new String[] {String.valueOf(c), " " + c, c + "a", "\u3000" + c}) {
                assertThat(StreamingReader.plain(s, false)).as("U+%04X in '%s'", (int) c, s)
                        .isEqualTo(!s.isBlank() && !TreeValidator.hasControl(s));
                assertThat(StreamingReader.plain(s, true)).as("U+%04X", (int) c).isEqualTo(!TreeValidator.hasControl(s));
            }
        }
        assertThat(StreamingReader.plain("", false)).isFalse();
        assertThat(StreamingReader.plain("", true)).isTrue();
    }

    // ---------------------------------------------------------------- corpus

    private static String mutate(String doc, Random r) throws IOException {
        return switch (r.nextInt(9)) {
            case 0, 1, 2 -> replaceValue(doc, r);
            case 8 -> qualifications(doc, r);
            case 3 -> reorderKeys(doc, r);
            case 4 -> addOrRemoveField(doc, r);
            case 5 -> duplicateKey(doc, r);
            case 6 -> numberText(doc, r);
            default -> editCharacters(doc, r);
        };
    }

    private record Slot(JsonNode parent, String field, int index) {
    }

    private static List<Slot> slots(JsonNode root) {
        List<Slot> out = new ArrayList<>();
        slots(root, out);
        return out;
    }

    private static void slots(JsonNode n, List<Slot> out) {
        if (n.isObject()) {
            Iterator<String> names = n.fieldNames();
            while (names.hasNext()) {
                String f = names.next();
                out.add(new Slot(n, f, -1));
                slots(n.get(f), out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                out.add(new Slot(n, null, i));
                slots(n.get(i), out);
            }
        }
    }

    private static void set(Slot s, JsonNode v) {
        if (s.field() != null) {
            ((ObjectNode) s.parent()).set(s.field(), v);
        } else {
            ((ArrayNode) s.parent()).set(s.index(), v);
        }
    }

    private static String replaceValue(String doc, Random r) throws IOException {
        JsonNode root = MAPPER.readTree(doc);
        List<Slot> all = slots(root);
        Slot s = all.get(r.nextInt(all.size()));
        JsonNode old = s.field() != null ? s.parent().get(s.field()) : s.parent().get(s.index());
        set(s, value(old, r));
        return root.toString();
    }

    /** A replacement: often near the old value (so some stay valid), else a hostile or wrong-typed one. */
    private static JsonNode value(JsonNode old, Random r) {
        return switch (r.nextInt(24)) {
            case 0 -> F.nullNode();
            case 1 -> F.textNode("");
            case 2 -> F.textNode(" ");
            case 3 -> F.numberNode(-1);
            case 4 -> F.numberNode(0);
            case 5 -> F.numberNode(new BigDecimal("1.005"));
            case 6 -> F.numberNode(new BigDecimal("1E+300"));
            case 7 -> F.booleanNode(r.nextBoolean());
            case 8 -> F.arrayNode();
            case 9 -> F.objectNode();
            case 10 -> F.numberNode(new BigInteger("99999999999999999999"));
            case 11 -> F.textNode("2025-02-30");
            case 12 -> F.textNode("2099-01-01");
            case 13 -> F.textNode("2099-01-01T00:00:00Z");
            case 14 -> F.numberNode(Integer.MAX_VALUE);
            case 15 -> F.textNode("-0.01");
            case 16 -> F.textNode("1250000.50");
            case 17 -> F.textNode("x\ty");
            case 18 -> F.numberNode(new BigDecimal("12.50"));
            case 19 -> F.numberNode(new BigDecimal("2.4E+7"));
            case 20 -> old.isNumber() ? F.numberNode(old.decimalValue().add(BigDecimal.ONE)) : F.textNode("A");
            case 21 -> old.isNumber() ? F.numberNode(old.decimalValue().negate()) : F.numberNode(7);
            case 22 -> old.isTextual() ? F.textNode(old.textValue() + "0") : F.numberNode(2020);
            default -> old.isNumber() ? F.numberNode(old.decimalValue().movePointLeft(3)) : F.textNode("2020-01");
        };
    }

    /**
     * The enterprise's qualifications replaced by one to three entries, each valid or not in one way: an
     * unknown kind, an expiry on or before the issue, an issue after the application date, a blank or
     * missing number, the same certificate twice, a missing or unknown field (most documents the
     * generator writes have none, so the random mutations alone would rarely reach them).
     */
    private static String qualifications(String doc, Random r) throws IOException {
        JsonNode root = MAPPER.readTree(doc);
        ObjectNode app = (ObjectNode) (root.has("application") ? root.get("application") : root);
        ObjectNode enterprise = (ObjectNode) app.get("enterprise");
        String[] kinds = {"HIGH_TECH_ENTERPRISE", "SPECIALISED_INNOVATIVE_SME", "LITTLE_GIANT", "TECH_SME",
            "high_tech_enterprise", "NATIONAL_CHAMPION"};
        String[] dates = {"2019-05-01", "2022-03-02", "2024-12-31", "2025-03-01", "2027-03-01", "2099-12-31",
            "2025-02-30", "2024-06"};
        ArrayNode list = F.arrayNode();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            if (i > 0 && r.nextInt(4) == 0) {
                list.add(list.get(0).deepCopy()); // the same certificate again
                continue;
            }
            ObjectNode q = F.objectNode();
            q.put("kind", r.nextInt(5) == 0 ? kinds[r.nextInt(kinds.length)] : kinds[r.nextInt(4)]);
            switch (r.nextInt(6)) {
                case 0 -> q.put("certificateNo", "GR2022310" + r.nextInt(100_000));
                case 1 -> q.put("certificateNo", r.nextBoolean() ? " " : "");
                default -> { }
            }
            q.put("issued", r.nextInt(4) == 0 ? dates[r.nextInt(dates.length)] : dates[r.nextInt(4)]);
            q.put("expires", r.nextInt(4) == 0 ? dates[r.nextInt(dates.length)] : dates[3 + r.nextInt(3)]);
            if (r.nextInt(12) == 0) {
                q.remove(r.nextBoolean() ? "issued" : "kind");
            } else if (r.nextInt(12) == 0) {
                q.put("valid", true);
            }
            list.add(q);
        }
        enterprise.set("qualifications", r.nextInt(10) == 0 ? F.nullNode() : list);
        return root.toString();
    }

    /** Keys of one object shuffled: still valid, unless it moves the application time after the sources. */
    private static String reorderKeys(String doc, Random r) throws IOException {
        JsonNode root = MAPPER.readTree(doc);
        List<JsonNode> objects = new ArrayList<>();
        collectObjects(root, objects);
        ObjectNode o = (ObjectNode) objects.get(r.nextInt(objects.size()));
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        fields.addAll(o.properties());
        Collections.shuffle(fields, r);
        o.removeAll();
        fields.forEach(e -> o.set(e.getKey(), e.getValue()));
        return root.toString();
    }

    private static void collectObjects(JsonNode n, List<JsonNode> out) {
        if (n.isObject()) {
            out.add(n);
        }
        n.forEach(c -> collectObjects(c, out));
    }

    private static String addOrRemoveField(String doc, Random r) throws IOException {
        JsonNode root = MAPPER.readTree(doc);
        List<JsonNode> objects = new ArrayList<>();
        collectObjects(root, objects);
        ObjectNode o = (ObjectNode) objects.get(r.nextInt(objects.size()));
        if (r.nextBoolean() && o.size() > 0) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            o.remove(names.get(r.nextInt(names.size())));
        } else {
            o.put(r.nextBoolean() ? "comment" : "odd key", 1);
        }
        return root.toString();
    }

    /** The same key twice in one object, with the same or another value. */
    private static String duplicateKey(String doc, Random r) {
        int at = -1;
        for (int tries = 0; tries < 20 && at < 0; tries++) {
            int from = r.nextInt(doc.length());
            at = doc.indexOf("\":", from);
        }
        if (at < 0) {
            return doc + " ";
        }
        int start = doc.lastIndexOf('"', at - 1);
        String key = doc.substring(start, at + 2);
        String value = r.nextBoolean() ? "1" : "\"x\"";
        return doc.substring(0, start) + key + value + "," + doc.substring(start);
    }

    /** A series value, amount or count written as an odd or hostile number text. */
    private static String numberText(String doc, Random r) {
        String[] texts = {"0.0", "-0.0", "0e-999999999", "1e2147483648", "1e-101", "1e-100", "9.99e100",
            "1e101", "123456789012345678", "1234567890123456789", "12345678901234567890", "1.0", "1.50",
            "0.1", "0.30000000000000004", "2.2250738585072014E-30", "9007199254740993", "9007199254740993.0",
            "1E3", "1e+3", "1.7976931348623157", "123.456e-2", "-5", "00", "1.", ".5", "4.9e-5"};
        StringBuilder random = new StringBuilder();
        for (int i = 0, n = 1 + r.nextInt(20); i < n; i++) {
            random.append((char) ('0' + r.nextInt(10)));
            if (i == 0 && r.nextBoolean()) {
                random.append('.');
            }
        }
        if (r.nextInt(3) == 0) {
            random.append('e').append(r.nextBoolean() ? "-" : "").append(r.nextInt(30));
        }
        String text = r.nextBoolean() ? texts[r.nextInt(texts.length)] : random.toString();
        String[] anchors = {"\"values\":[", "\"amount\":", "\"employees\":", "\"arrears\":", "\"truePd\":",
            "\"emissionsTonnes\":", "\"termMonths\":", "\"year\":"};
        String anchor = anchors[r.nextInt(anchors.length)];
        int at = doc.indexOf(anchor);
        if (at < 0) {
            return doc;
        }
        int from = at + anchor.length();
        int to = from;
        while (to < doc.length() && "-+.eE0123456789".indexOf(doc.charAt(to)) >= 0) {
            to++;
        }
        return doc.substring(0, from) + text + doc.substring(to);
    }

    private static String editCharacters(String doc, Random r) {
        String alphabet = "{}[]:,\"\\-+.0123456789eEnulltrfaseINaZ \t\n\u00e9\u4e2d";
        StringBuilder sb = new StringBuilder(doc);
        for (int e = 0, edits = 1 + r.nextInt(3); e < edits; e++) {
            int pos = r.nextInt(sb.length());
            char c = alphabet.charAt(r.nextInt(alphabet.length()));
            switch (r.nextInt(3)) {
                case 0 -> sb.deleteCharAt(pos);
                case 1 -> sb.insert(pos, c);
                default -> sb.setCharAt(pos, c);
            }
        }
        return sb.toString();
    }
}
