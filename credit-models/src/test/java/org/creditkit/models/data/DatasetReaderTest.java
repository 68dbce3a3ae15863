package org.creditkit.models.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.creditkit.models.GermanCredit;
import org.creditkit.models.ModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReaderTest {

    private static LoadResult csv(String text, ColumnMapping m) {
        return DatasetReader.read(new StringReader(text), DatasetReader.Format.CSV, "t.csv", m);
    }

    private static LoadResult arff(String text, ColumnMapping m) {
        return DatasetReader.read(new StringReader(text), DatasetReader.Format.ARFF, "t.arff", m);
    }

    @Test
    void csv_quotedFieldsWithCommaQuoteAndNewline_areOneValueEach() {
        String text = "id,name,amount,y\r\n"
                + "1,\"Acme, Ltd\",10.5,1\r\n"
                + "2,\"say \"\"hi\"\"\",20,0\r\n"
                + "3,\"two\nlines\",,0\r\n"
                + "4,plain,3e2,0\r\n";
        LoadResult r = csv(text, ColumnMapping.of("y", "1").withExclude(Set.of("id")).withCategorical(Set.of("name")));
        Dataset d = r.dataset();
        assertThat(r.skipped()).isEmpty();
        assertThat(d.rows()).isEqualTo(4);
        Feature name = d.features().get(0);
        assertThat(name.levels()).containsExactly("Acme, Ltd", "say \"hi\"", "two\nlines", "plain");
        assertThat(d.value(1, 0)).isEqualTo(10.5);
        assertThat(d.value(1, 2)).isNaN();
        assertThat(d.value(1, 3)).isEqualTo(300.0);
        assertThat(d.line(3)).isEqualTo(6); // record 3 spans lines 4-5
        assertThat(d.targets()).containsExactly(1, 0, 0, 0);
    }

    @Test
    void csv_unusableRows_areSkippedWithLineNumbersAndReason() {
        StringBuilder text = new StringBuilder("x,y\n");
        for (int i = 0; i < 40; i++) {
            text.append(i).append(',').append(i % 3 == 0 ? "bad" : "good").append('\n');
        }
        text.append("abc,good\n");   // line 42: not a number
        text.append("5,\n");          // line 43: missing target
        text.append("1,2,3\n");       // line 44: wrong field count
        LoadResult r = csv(text.toString(), ColumnMapping.of("y", "bad").withMaxBadRowShare(0.10));
        assertThat(r.skipped()).extracting(SkippedRow::line).containsExactly(42L, 43L, 44L);
        assertThat(r.skipped().get(0).reason()).contains("'abc'", "(x)", "not a number");
        assertThat(r.skipped().get(1).reason()).contains("target (y) is missing");
        assertThat(r.skipped().get(2).reason()).contains("3 fields", "header has 2");
        assertThat(r.summary()).isEqualTo("used 40 of 43 rows (3 skipped, 14 bads)");
    }

    @Test
    void csv_tooManyUnusableRows_failsNamingTheFirstLines() {
        String text = "x,y\n1,bad\nq,good\n2,good\nz,good\n";
        assertThatThrownBy(() -> csv(text, ColumnMapping.of("y", "bad")))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("2 of 4 rows are unusable")
                .hasMessageContaining("line 3:");
    }

    @Test
    void csv_mostlyTextColumn_isInferredCategoricalWithNote() {
        String text = "grade,y\nA,1\nB,0\nA,0\n";
        LoadResult r = csv(text, ColumnMapping.of("y", "1"));
        assertThat(r.dataset().features().get(0).isCategorical()).isTrue();
        assertThat(r.notes()).anyMatch(n -> n.contains("(grade) treated as categorical"));
    }

    @Test
    void csv_badValueNeverSeen_failsListingSeenValues() {
        assertThatThrownBy(() -> csv("x,y\n1,good\n2,good\n", ColumnMapping.of("y", "Bad")))
                .isInstanceOf(ModelException.class).hasMessageContaining("values seen: [good]");
    }

    /** x, y: targets 1 (bad), 0 (good) and 2 (still running), with x = 10 on the running rows. */
    private static final String THREE_VALUED = "x,y\n1,1\n2,0\n3,0\n10,2\n4,1\n10,2\n5,0\n";

    @Test
    void csv_targetWithAThirdValue_isRefusedInsteadOfCountingItAsGood() {
        assertThatThrownBy(() -> csv(THREE_VALUED, ColumnMapping.of("y", "1")))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("target (y) has 3 values [1, 0, 2]")
                .hasMessageContaining("every other one would count as no default")
                .hasMessageContaining("--good");
    }

    @Test
    void csv_goodValuesNamed_rowsWithOtherValuesAreLeftOutAndCounted() {
        LoadResult r = csv(THREE_VALUED, ColumnMapping.of("y", "1").withGoodValues(Set.of("0")));

        assertThat(r.dataset().rows()).isEqualTo(5);
        assertThat(r.dataset().column(0)).doesNotContain(10.0);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n)
                .isEqualTo("target (y): 2 row(s) left out whose value is neither bad ('1') nor good [0]: [2]"));
        assertThat(r.skipped()).isEmpty();
    }

    @Test
    void csv_goodValueNoRowHasOrEqualToBad_isRefused() {
        assertThatThrownBy(() -> csv(THREE_VALUED, ColumnMapping.of("y", "1").withGoodValues(Set.of("O"))))
                .isInstanceOf(ModelException.class).hasMessageContaining("--good 'O': no row has target (y) = 'O'");
        assertThatThrownBy(() -> ColumnMapping.of("y", "1").withGoodValues(Set.of("0", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--good '1' is also the --bad");
        assertThatThrownBy(() -> ColumnMapping.unlabelled().withGoodValues(Set.of("0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs --target");
    }

    @Test
    void csv_unknownMappedColumn_failsListingColumns() {
        assertThatThrownBy(() -> csv("x,y\n1,1\n", ColumnMapping.of("target", "1")))
                .isInstanceOf(ModelException.class).hasMessageContaining("--target names column (target)")
                .hasMessageContaining("[x, y]");
    }

    @Test
    void csv_industryColumn_groupsByLetterOrLeadingDigits() {
        String text = "x,ind,y\n1,C3912,1\n2,C13,0\n3,311811,0\n4,31,1\n5,,0\n";
        LoadResult r = csv(text, ColumnMapping.of("y", "1").withIndustry("ind", IndustryGrouping.defaults()));
        Dataset d = r.dataset();
        assertThat(d.industryLevels()).containsExactly("C", "31");
        // a 6-digit code is no GB/T 4754 code: kept without industry, with a hint, never read as division 31
        assertThat(new int[] {d.industry(0), d.industry(1), d.industry(2), d.industry(3), d.industry(4)})
                .containsExactly(0, 0, Dataset.NO_INDUSTRY, 1, Dataset.NO_INDUSTRY);
        assertThat(r.notes()).anyMatch(n -> n.contains("2 of 5 rows have a missing, zero or unknown GB/T 4754 code")
                && n.contains("'311811'") && n.contains("--industry-scheme naics"));
        assertThat(d.features()).extracting(Feature::name).containsExactly("x");
    }

    @Test
    void csv_naicsIndustryWithZeroAndUnknownCodes_keepsEveryRowAndCountsTheUnknown() {
        String text = "x,ind,y\n1,722511,1\n2,7225,0\n3,0,0\n4,,1\n5,999999,0\n6,445110,1\n7,000000,0\n";
        LoadResult r = csv(text, ColumnMapping.of("y", "1").withIndustry("ind",
                new IndustryGrouping(2, false, org.creditkit.core.codes.IndustryScheme.NAICS)));
        Dataset d = r.dataset();
        assertThat(r.skipped()).isEmpty();
        assertThat(d.rows()).isEqualTo(7);
        assertThat(d.industryLevels()).containsExactly("NAICS:72", "NAICS:44");
        assertThat(new int[] {d.industry(0), d.industry(1), d.industry(2), d.industry(3), d.industry(4), d.industry(5),
            d.industry(6)}).containsExactly(0, 0, Dataset.NO_INDUSTRY, Dataset.NO_INDUSTRY, Dataset.NO_INDUSTRY, 1,
                    Dataset.NO_INDUSTRY);
        assertThat(r.notes()).anyMatch(n -> n.contains("industry (ind): 4 of 7 rows have a missing, zero or unknown"
                + " NAICS code") && n.contains("'0'") && n.contains("(missing)") && n.contains("'999999'")
                && n.contains("scored by the base model alone"));
    }

    @Test
    void arff_commentsQuotesAndQuestionMarks_areParsed() {
        String text = "% a comment\n@relation 'test rel'\n"
                + "@attribute 'credit amount' numeric\n"
                + "@attribute purpose { 'new car', radio/tv, 'it\\'s' }\n"
                + "@attribute class {good, bad}\n"
                + "\n@data\n"
                + "% comment in data\n"
                + "100,'new car',good\n"
                + "?,radio/tv,bad\n"
                + "300, ? ,good\n"
                + "400,boat,good\n";
        LoadResult r = arff(text, ColumnMapping.of("class", "bad").withMaxBadRowShare(0.5));
        Dataset d = r.dataset();
        assertThat(d.features()).extracting(Feature::name).containsExactly("credit amount", "purpose");
        assertThat(d.features().get(1).levels()).containsExactly("new car", "radio/tv", "it's");
        assertThat(d.value(0, 1)).isNaN();
        assertThat(d.value(1, 2)).isNaN();
        assertThat(d.value(1, 0)).isEqualTo(0.0);
        assertThat(d.targets()).containsExactly(0, 1, 0);
        assertThat(r.skipped()).singleElement().satisfies(s -> {
            assertThat(s.line()).isEqualTo(12);
            assertThat(s.reason()).contains("'boat'", "(purpose)");
        });
    }

    @Test
    void csv_byteOrderMark_isNotPartOfTheFirstColumnName() {
        LoadResult r = csv("\uFEFFincome,class\n10,good\n20,bad\n", ColumnMapping.of("class", "bad")
                .withFeatures(List.of("income")));
        assertThat(r.dataset().features()).extracting(Feature::name).containsExactly("income");
        assertThat(r.dataset().rows()).isEqualTo(2);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "'\"1,234.5\"' | without thousands separators (1234.5)",
        "'\"12,5\"'    | the decimal point is '.' (12.5)",
        "0x10          | write it in decimal",
        "\uFF11\uFF12\uFF13 | use ASCII digits 0-9",
        "1e400         | beyond the range of a double",
        "Infinity      | infinity is not a value",
        "12abc         | expected a plain decimal"})
    void csv_nearNumber_skipsTheRowSayingWhatWouldBeRead(String cell, String hint) {
        LoadResult r = csv("x,class\n" + cell + ",bad\n1,good\n2,bad\n3,good\n",
                ColumnMapping.of("class", "bad").withMaxBadRowShare(0.5));
        assertThat(r.skipped()).singleElement().satisfies(s -> {
            assertThat(s.line()).isEqualTo(2);
            assertThat(s.reason()).contains("of numeric column (x) is not a number", hint);
        });
    }

    @Test
    void csv_headerOnly_saysThereAreNoDataRows() {
        assertThatThrownBy(() -> csv("x,class\n", ColumnMapping.of("class", "bad")))
                .isInstanceOf(ModelException.class).hasMessage("t.csv: no data rows after the header; the file needs at"
                        + " least one row of values");
    }

    @Test
    void arff_byteOrderMark_isSkipped() {
        LoadResult r = arff("\uFEFF@relation r\n@attribute x numeric\n@attribute class {good, bad}\n@data\n1,good\n2,bad\n",
                ColumnMapping.of("class", "bad"));
        assertThat(r.dataset().rows()).isEqualTo(2);
    }

    @Test
    void arff_undeclaredBadValue_failsWithDeclaredValues() {
        String text = "@relation r\n@attribute x numeric\n@attribute class {good, bad}\n@data\n1,good\n";
        assertThatThrownBy(() -> arff(text, ColumnMapping.of("class", "BAD")))
                .isInstanceOf(ModelException.class).hasMessageContaining("declared: [good, bad]");
    }

    @Test
    void arff_germanCredit_loadsAllRowsWithDeclaredKinds() {
        LoadResult r = GermanCredit.load();
        Dataset d = r.dataset();
        assertThat(r.skipped()).isEmpty();
        assertThat(d.rows()).isEqualTo(1000);
        assertThat(d.bads()).isEqualTo(300);
        assertThat(d.features()).hasSize(20);
        assertThat(d.features().stream().filter(Feature::isCategorical).count()).isEqualTo(13);
        assertThat(d.line(0)).isEqualTo(302);
    }

    @Test
    void subsetAndSelect_keepRowsAndNamedFeatures() {
        Dataset d = csv("a,b,y\n1,2,1\n3,4,0\n5,6,0\n", ColumnMapping.of("y", "1")).dataset();
        Dataset s = d.subset(new int[] {2, 0}).select(List.of("b"));
        assertThat(s.rows()).isEqualTo(2);
        assertThat(s.value(0, 0)).isEqualTo(6.0);
        assertThat(s.targets()).containsExactly(0, 1);
        assertThat(s.line(0)).isEqualTo(4);
    }

    @Test
    void file_notUtf8_isRefusedNamingTheLineAndByte(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("t.csv");
        // "café" saved as Latin-1: read leniently, the category would be "caf\uFFFD", not the one in the file
        Files.write(csv, new byte[] {'x', ',', 'y', '\n', '1', ',', '0', '\n', 'c', 'a', 'f', (byte) 0xE9, ',', '1', '\n'});
        Path arff = dir.resolve("t.arff");
        Files.write(arff, new byte[] {'@', 'r', 'e', 'l', 'a', 't', 'i', 'o', 'n', ' ', (byte) 0xFF, '\n'});

        assertThatThrownBy(() -> DatasetReader.read(csv, ColumnMapping.of("y", "1"))).isInstanceOf(ModelException.class)
                .hasMessageStartingWith(csv + ": not valid UTF-8 at line 3, byte 4 (file offset 11): 0xe9; valid: UTF-8 text");
        assertThatThrownBy(() -> DatasetReader.read(arff, ColumnMapping.of("y", "1"))).isInstanceOf(ModelException.class)
                .hasMessageContaining("not valid UTF-8 at line 1, byte 11");
    }
}
