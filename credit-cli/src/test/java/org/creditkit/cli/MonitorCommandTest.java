package org.creditkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.creditkit.core.testsupport.HeadlessChromium;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorCommandTest {

    @TempDir
    static Path dir;

    private static Path book;

    @BeforeAll
    static void book() {
        book = dir.resolve("book.jsonl");
        var run = CreditCliTest.run("book", "--count", "400", "--seed", "5", "--out", book.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("booked");
    }

    @Test
    void monitor_writesWarningsReevaluationsAndAReportThatOpensOnItsVerdict() throws Exception {
        Path out = dir.resolve("ok");
        var run = CreditCliTest.run("monitor", "--book", book.toString(), "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("monitoring PASS");
        List<String> warnings = Files.readAllLines(out.resolve("warnings.jsonl"));
        long monthLines = Files.readAllLines(book).stream().filter(l -> l.contains("\"type\":\"month\"")).count();
        assertThat((long) warnings.size()).isEqualTo(monthLines);
        assertThat(Files.readAllLines(out.resolve("reevaluations.jsonl"))).isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains("\"pdAfter\"", "\"tier\""));
        String html = Files.readString(out.resolve("monitor.html"));
        assertThat(html.indexOf("id=\"verdict\"")).isBetween(0, 1_500);
        assertThat(html).contains("Warning levels over time", "Vintage curves", "Roll rates", "risk-compensation fund",
                "Drift");
        String json = Files.readString(out.resolve("monitor.json"));
        assertThat(json).contains("\"verdict\" : \"PASS\"", "\"warningPerformance\"", "\"rollRates\"");
        HeadlessChromium.Page page = HeadlessChromium.require().render(out.resolve("monitor.html"));
        assertThat(page.errors()).isEmpty();
        assertThat(page.hasId("verdict")).isTrue();
        assertThat(page.dom()).contains("<svg", "Live loans at RED");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        // the book carries the applications (input); nothing the monitor writes names an enterprise
        List<String> names = new ArrayList<>();
        for (String l : Files.readAllLines(book)) {
            int i = l.indexOf("\"name\":\"");
            if (l.contains("\"type\":\"loan\"") && i > 0) {
                names.add(l.substring(i + 8, l.indexOf('"', i + 8)));
            }
        }
        assertThat(names).isNotEmpty();
        assertThat(IdentityScan.findInFiles(out, names, f -> false, dir.toString())).isEmpty();
        assertThat(IdentityScan.find(run.out() + run.err(), "monitor output", names, dir.toString())).isEmpty();
    }

    @Test
    void monitor_badLinesAreReportedByLineAndTheRestMonitored() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(book));
        lines.set(1, lines.get(1).replace("\"type\":\"month\"", "\"type\":\"month\",\"bogus\":1"));
        lines.add(5, "not json");
        Path bad = dir.resolve("bad.jsonl");
        Files.write(bad, lines, StandardCharsets.UTF_8);
        var run = CreditCliTest.run("monitor", "--book", bad.toString(), "--out", dir.resolve("bad").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("line 2: $.bogus: unknown field", "line 6: $: not well-formed JSON",
                "2 of " + lines.size() + " lines rejected");
    }

    @Test
    void monitor_lineThatIsNotUtf8_isRejectedOnItsLineInsteadOfReadAsReplacementCharacters() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(book));
        int loan = 0;
        while (!lines.get(loan).contains("\"type\":\"loan\"")) {
            loan++;
        }
        String line = lines.get(loan);
        int at = line.indexOf("\"loanId\":\"") + 10;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            if (i == loan) {
                bytes.writeBytes(line.substring(0, at).getBytes(StandardCharsets.UTF_8));
                bytes.write(0xFF); // read leniently: U+FFFD, and the loan monitored under an id not the bank's
                bytes.writeBytes(line.substring(at).getBytes(StandardCharsets.UTF_8));
            } else {
                bytes.writeBytes(lines.get(i).getBytes(StandardCharsets.UTF_8));
            }
            bytes.write('\n');
        }
        Path bad = dir.resolve("latin.jsonl");
        Files.write(bad, bytes.toByteArray());

        var run = CreditCliTest.run("monitor", "--book", bad.toString(), "--out", dir.resolve("latin").toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("line " + (loan + 1) + ": $: line is not valid UTF-8 at byte " + (at + 1)
                + " of the line (0xff)");
        assertThat(Files.readString(dir.resolve("latin").resolve("warnings.jsonl"))).doesNotContain("\uFFFD");
    }

    @Test
    void monitor_bookWithNoReadableLoan_isRefusedNotAPassOverNothing() throws Exception {
        Path hostile = dir.resolve("hostile.jsonl");
        Files.writeString(hostile, "{\"type\":\"month\",\"loanId\":\"L\",\"month\":\"2025-01\",\"newCourtCases\":1e999999999}\n");
        var run = CreditCliTest.run("monitor", "--book", hostile.toString(), "--out", dir.resolve("none").toString());
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).doesNotContain("PASS");
        assertThat(run.err()).contains("line 1: $.newCourtCases", "no loan could be read", "1 of 1 lines rejected");
        assertThat(Files.readString(dir.resolve("none").resolve("monitor.html"))).contains("NO_DATA").doesNotContain(": PASS");
    }

    @Test
    void monitor_withTheDefaultWarningRulesFromRulesInit_writesTheSameWarningsAsTheBuiltInPoints() throws Exception {
        Path rules = dir.resolve("warning-rules");
        var init = CreditCliTest.run("rules", "init", rules.toString(), "--warnings");
        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(rules.resolve("levels.drl")).exists();
        assertThat(rules.resolve("scenarios")).isNotEmptyDirectory();
        Path byRules = dir.resolve("by-rules");
        var run = CreditCliTest.run("monitor", "--book", book.toString(), "--out", byRules.toString(),
                "--warning-rules", rules.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("warning levels from 8 rules in " + rules, "10 scenarios passed");
        Path byPoints = dir.resolve("by-points");
        assertThat(CreditCliTest.run("monitor", "--book", book.toString(), "--out", byPoints.toString()).exit()).isZero();
        assertThat(Files.readAllLines(byRules.resolve("warnings.jsonl")))
                .isEqualTo(Files.readAllLines(byPoints.resolve("warnings.jsonl")));
    }

    @Test
    void monitor_warningRulesThatFailTheirOwnScenarios_monitorNothingAndExit2() throws Exception {
        Path rules = dir.resolve("lenient-rules");
        assertThat(CreditCliTest.run("rules", "init", rules.toString(), "--warnings").exit()).isZero();
        Path drl = rules.resolve("levels.drl");
        Files.writeString(drl, Files.readString(drl).replace("$w : WarningCase( dishonestListed )",
                "$w : WarningCase( dishonestListed, monthsOnBook > 12 )"));
        Path out = dir.resolve("lenient");
        var run = CreditCliTest.run("monitor", "--book", book.toString(), "--out", out.toString(),
                "--warning-rules", rules.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("FAIL 06-dishonest-listed-red: level YELLOW, expected RED",
                "fail 1 of their own scenarios");
        assertThat(out.resolve("warnings.jsonl")).doesNotExist();
        Files.writeString(drl, "rule \"x\" when $c : Case( ) then end\n");
        var bad = CreditCliTest.run("monitor", "--book", book.toString(), "--out", out.toString(),
                "--warning-rules", rules.toString());
        assertThat(bad.exit()).isEqualTo(3);
        assertThat(bad.err()).contains("levels.drl:1", "the only fact is WarningCase");
    }

    @Test
    void monitor_warningScenarioExpectingAMisspeltRule_namesItAsNotARuleOfTheWarningRules() throws Exception {
        Path rules = dir.resolve("typo-rules");
        assertThat(CreditCliTest.run("rules", "init", rules.toString(), "--warnings").exit()).isZero();
        Path scenario = rules.resolve("scenarios").resolve("06-dishonest-listed-red.json");
        Files.writeString(scenario, Files.readString(scenario).replace("\"red-dishonest-listed\"",
                "\"red-dishonest-listd\""));
        var run = CreditCliTest.run("monitor", "--book", book.toString(), "--out", dir.resolve("typo").toString(),
                "--warning-rules", rules.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("FAIL 06-dishonest-listed-red: 06-dishonest-listed-red.json:",
                "$.expect.firedRules[0]: expected rule 'red-dishonest-listd' is not a rule of " + rules
                        + "; did you mean 'red-dishonest-listed'?");
    }

    @Test
    void monitor_redShareAboveTheLimitFailsTheCheck() {
        var run = CreditCliTest.run("monitor", "--book", book.toString(), "--out", dir.resolve("strict").toString(),
                "--max-red-share", "0");
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.out()).contains("monitoring FAIL", "limit exceeded", "at RED");
    }

    @Test
    void monitor_missingBookOrImpossibleLimitIsAUsageError() {
        var missing = CreditCliTest.run("monitor", "--book", dir.resolve("nope.jsonl").toString(), "--out",
                dir.resolve("x").toString());
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.err()).contains("no such file");
        var share = CreditCliTest.run("monitor", "--book", book.toString(), "--out", dir.resolve("y").toString(),
                "--max-red-share", "1.5");
        assertThat(share.exit()).isEqualTo(3);
        assertThat(share.err()).contains("--max-red-share 1.5: expected a share in [0, 1]");
    }

    /** Moves the booking month, the months and the extraction dates (not the applications) by whole years. */
    private static List<String> shiftYears(List<String> lines, int years) {
        List<String> out = new ArrayList<>();
        var p = java.util.regex.Pattern.compile("\"(bookedMonth|month|dataAsOf)\":\"(\\d{4})-");
        for (String line : lines) {
            var m = p.matcher(line);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, "\"" + m.group(1) + "\":\"" + (Integer.parseInt(m.group(2)) + years) + "-");
            }
            m.appendTail(sb);
            out.add(sb.toString().replace("-02-29\"", "-02-28\""));
        }
        return out;
    }

    @Test
    void monitor_bookShiftedIntoTheFuture_isRefusedNotAPass() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.ofHours(8));
        Path shifted = dir.resolve("shifted.jsonl");
        Files.write(shifted, shiftYears(Files.readAllLines(book), today.getYear() + 3 - 2024), StandardCharsets.UTF_8);
        var run = CreditCliTest.run("monitor", "--book", shifted.toString(), "--out", dir.resolve("future").toString());
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.out()).doesNotContain("PASS");
        assertThat(run.err()).contains("line 1: $.bookedMonth: ", " is after the as-of date ",
                "a loan cannot be booked in a month that has not begun", " or earlier (the latest month as of ",
                "no loan could be read");
    }

    @Test
    void monitor_asOfADate_rejectsTheMonthsAfterItByLineAndMonitorsTheRest() throws Exception {
        List<String> lines = Files.readAllLines(book);
        String booked = lines.get(0).replaceAll(".*\"bookedMonth\":\"([0-9-]+)\".*", "$1");
        java.time.YearMonth latest = java.time.YearMonth.parse(booked).plusMonths(3);
        var run = CreditCliTest.run("monitor", "--book", book.toString(), "--out", dir.resolve("asof").toString(),
                "--as-of", latest.atEndOfMonth().toString());
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("line 6: $.month: " + latest.plusMonths(1) + " is after the as-of date "
                + latest.atEndOfMonth(), "valid: " + latest + " or earlier");
        assertThat(run.out()).contains("loan-months up to " + latest);
    }

    @Test
    void monitor_asOfInTheFutureOrNotADate_isAUsageError() {
        var future = CreditCliTest.run("monitor", "--book", book.toString(), "--out", dir.resolve("f").toString(),
                "--as-of", "2999-01-01");
        assertThat(future.exit()).isEqualTo(3);
        assertThat(future.err()).contains("--as-of 2999-01-01 is after today", "or earlier");
        var notADate = CreditCliTest.run("monitor", "--book", book.toString(), "--out", dir.resolve("g").toString(),
                "--as-of", "01/06/2025");
        assertThat(notADate.exit()).isEqualTo(3);
        assertThat(notADate.err()).contains("--as-of '01/06/2025': not a date; expected YYYY-MM-DD");
    }

    @Test
    void monitor_aMonthsSalesInFen_isRejectedOnItsLineWithBothValues() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(book));
        int at = -1;
        for (int i = 6; i < lines.size() && at < 0; i++) {
            if (lines.get(i).contains("\"monthsOnBook\":5,") && lines.get(i).contains("\"taxSales\":")) {
                at = i;
            }
        }
        assertThat(at).isPositive();
        var m = java.util.regex.Pattern.compile("\"taxSales\":([0-9.]+)").matcher(lines.get(at));
        assertThat(m.find()).isTrue();
        double sales = Double.parseDouble(m.group(1));
        lines.set(at, lines.get(at).substring(0, m.start(1)) + (sales * 100) + lines.get(at).substring(m.end(1)));
        Path fen = dir.resolve("fen.jsonl");
        Files.write(fen, lines, StandardCharsets.UTF_8);
        var run = CreditCliTest.run("monitor", "--book", fen.toString(), "--out", dir.resolve("fen").toString());
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("line " + (at + 1) + ": $.taxSales: ", "times above the median",
                "by 100 (fen instead of CNY?)", "valid: CNY like the rest of the series", "1 of " + lines.size()
                        + " lines rejected");
    }
}
