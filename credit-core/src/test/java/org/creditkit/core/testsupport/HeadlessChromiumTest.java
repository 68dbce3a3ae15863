package org.creditkit.core.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadlessChromiumTest {

    @Test
    void render_cleanPage_hasItsElementsAndNoErrors(@TempDir Path dir) throws IOException {
        Path html = page(dir, "clean.html", "<div id=\"verdict\">PASS</div><script>document.getElementById('verdict')"
                + ".setAttribute('data-seen', 'yes');</script>");
        HeadlessChromium.Page page = HeadlessChromium.require().render(html);
        assertThat(page.errors()).isEmpty();
        assertThat(page.hasId("verdict")).isTrue();
        assertThat(page.hasId("missing")).isFalse();
        assertThat(page.dom()).contains("data-seen=\"yes\"");
        assertThat(html).content().doesNotContain(HeadlessChromium.ERRORS_ATTRIBUTE);
    }

    @Test
    void render_pageWithScriptError_reportsTheError(@TempDir Path dir) throws IOException {
        Path html = page(dir, "broken.html", "<div id=\"verdict\">x</div><script>undefinedThing.call();</script>");
        assertThat(HeadlessChromium.require().render(html).errors()).isNotEmpty()
                .anySatisfy(e -> assertThat(e).contains("undefinedThing"));
    }

    @Test
    void render_pageLoggingConsoleError_reportsIt(@TempDir Path dir) throws IOException {
        Path html = page(dir, "console.html", "<script>console.error('chart data missing');</script>");
        assertThat(HeadlessChromium.require().render(html).errors())
                .containsExactly("console.error: chart data missing");
    }

    @Test
    void screenshot_writesAPng(@TempDir Path dir) throws IOException {
        Path html = page(dir, "shot.html", "<h1 id=\"verdict\">FAIL</h1>");
        Path png = HeadlessChromium.require().screenshot(html, dir.resolve("shots/shot.png"), 400, 300);
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void consoleErrors_pickUncaughtAndRefusedLinesOnly() {
        String stderr = "[1:1:1130/180036.4:INFO:CONSOLE:1] \"Uncaught ReferenceError: foo is not defined\", source: x (1)\n"
                + "[1:1:1130/180036.4:INFO:CONSOLE:2] \"all good\", source: x (2)\n"
                + "[1:1:1130/180036.4:INFO:CONSOLE:3] \"Refused to execute inline script\", source: x (3)\n";
        assertThat(HeadlessChromium.consoleErrors(stderr)).containsExactly(
                "console: \"Uncaught ReferenceError: foo is not defined\", source: x (1)",
                "console: \"Refused to execute inline script\", source: x (3)");
    }

    private static Path page(Path dir, String name, String body) throws IOException {
        return Files.writeString(dir.resolve(name), "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>t</title>"
                + "</head><body>" + body + "</body></html>\n");
    }
}
