package org.creditkit.core.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Renders an HTML page in headless Chromium for report tests: the DOM after load (with every script
 * error and {@code console.error} the page produced) and a PNG screenshot.
 *
 * <p>Shared by the tests of every module through credit-core's test-jar:
 * <pre>{@code
 * HeadlessChromium chromium = HeadlessChromium.require();      // skips the test when absent
 * HeadlessChromium.Page page = chromium.render(Path.of("target/audit/report.html"));
 * assertThat(page.errors()).isEmpty();                          // no script or console errors
 * assertThat(page.hasId("verdict")).isTrue();                   // an element id="verdict" rendered
 * chromium.screenshot(html, Path.of("target/audit.png"), 1280, 1600);
 * }</pre>
 *
 * <p>Where Chromium is looked for: the system property {@code creditkit.chromium}, the environment
 * variable {@code CHROMIUM}, then {@code /usr/bin/chromium}, {@code /usr/bin/chromium-browser},
 * {@code /usr/bin/google-chrome}. Absent on a developer's machine, {@link #require()} skips the test
 * with a message saying how to install it ({@code apt-get install chromium}); absent on CI (environment
 * {@code CI=true}, where {@code .ci/run} installs it) the test fails instead, so a missing browser can
 * never turn the checks into silent skips.
 *
 * <p>How errors are caught: the page is copied to a temporary file with a small script inserted first
 * in its {@code <head>} that records {@code window.onerror}, unhandled promise rejections and
 * {@code console.error} into the attribute {@code data-creditkit-errors} of the root element, which
 * {@code --dump-dom} serializes; Chromium's own console log ({@code --enable-logging=stderr --v=0})
 * is scanned as well, for errors raised before the hook ran. Each run uses its own profile directory,
 * so tests of parallel builds do not share a Chromium profile lock.
 */
public final class HeadlessChromium {

    /** The attribute of the root element that collects the page's errors. */
    static final String ERRORS_ATTRIBUTE = "data-creditkit-errors";

    private static final String HOOK = "<script>(function(){var e=[];var d=document.documentElement;"
            + "function put(m){e.push(String(m));d.setAttribute('" + ERRORS_ATTRIBUTE + "',JSON.stringify(e));}"
            + "window.addEventListener('error',function(v){put('error: '+(v.message||v.type)+' at '+(v.filename||'')"
            + "+':'+(v.lineno||0));},true);"
            + "window.addEventListener('unhandledrejection',function(v){put('unhandled rejection: '+v.reason);});"
            + "var ce=console.error;console.error=function(){put('console.error: '"
            + "+Array.prototype.join.call(arguments,' '));return ce.apply(console,arguments);};"
            + "d.setAttribute('" + ERRORS_ATTRIBUTE + "','[]');})();</script>";

    // Chromium logs every console message at INFO level ("INFO:CONSOLE:12] \"msg\", source: ..."), so the
    // level cannot tell errors apart: uncaught exceptions and refusals (CSP) are recognised by their text
    private static final Pattern CONSOLE_LINE = Pattern.compile(":CONSOLE[^\\]]*\\]\\s*(.*)");
    private static final Pattern ERRORS = Pattern.compile(ERRORS_ATTRIBUTE + "=\"([^\"]*)\"");
    private static final long TIMEOUT_SECONDS = 90;

    private final Path executable;

    private HeadlessChromium(Path executable) {
        this.executable = executable;
    }

    /** @return the Chromium found on this machine, if any (see the class comment for where it looks) */
    public static Optional<HeadlessChromium> find() {
        List<String> candidates = new ArrayList<>();
        Optional.ofNullable(System.getProperty("creditkit.chromium")).filter(s -> !s.isBlank()).ifPresent(candidates::add);
        Optional.ofNullable(System.getenv("CHROMIUM")).filter(s -> !s.isBlank()).ifPresent(candidates::add);
        candidates.addAll(List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"));
        return candidates.stream().map(Paths::get).filter(Files::isExecutable).findFirst().map(HeadlessChromium::new);
    }

    /**
     * The Chromium of this machine, or a skipped test (an aborted JUnit assumption) with a message
     * saying how to install it; on CI ({@code CI=true}) an {@link AssertionError} instead of a skip.
     *
     * @return the browser
     */
    public static HeadlessChromium require() {
        Optional<HeadlessChromium> found = find();
        if (found.isEmpty()) {
            String message = "headless Chromium not found (looked at -Dcreditkit.chromium, $CHROMIUM, /usr/bin/chromium, "
                    + "/usr/bin/chromium-browser, /usr/bin/google-chrome): the browser check of this report is skipped; "
                    + "install it with 'apt-get install chromium' (.ci/run does so on CI)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message.replace("is skipped", "cannot run on CI"));
            }
            Assumptions.abort(message);
        }
        return found.orElseThrow();
    }

    /** @return the browser's executable */
    public Path executable() {
        return executable;
    }

    /**
     * Loads the page, lets its scripts run, and returns the DOM and the errors.
     *
     * @param html an HTML file (read as UTF-8)
     * @return the rendered page
     */
    public Page render(Path html) {
        Path work = tempDir();
        try {
            String source = Files.readString(html, StandardCharsets.UTF_8);
            // beside the original, so relative references resolve as they would for the real page
            Path hooked = html.toAbsolutePath().resolveSibling(".chromium-" + html.getFileName());
            Files.writeString(hooked, withHook(source), StandardCharsets.UTF_8);
            try {
                Result r = run(work, "--dump-dom", "--virtual-time-budget=3000", hooked.toUri().toString());
                List<String> errors = new ArrayList<>(pageErrors(r.stdout()));
                errors.addAll(consoleErrors(r.stderr()));
                if (r.exit() != 0) {
                    errors.add("chromium exited with " + r.exit() + ": " + tail(r.stderr()));
                }
                return new Page(r.stdout(), List.copyOf(errors));
            } finally {
                Files.deleteIfExists(hooked);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(work);
        }
    }

    /**
     * Takes a screenshot of the page's top {@code width} x {@code height} pixels.
     *
     * @param html   an HTML file
     * @param png    where the PNG goes (parent directories created)
     * @param width  window width in CSS pixels
     * @param height window height in CSS pixels
     * @return {@code png}
     */
    public Path screenshot(Path html, Path png, int width, int height) {
        Path work = tempDir();
        try {
            Path target = png.toAbsolutePath();
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            Result r = run(work, "--screenshot=" + target, "--window-size=" + width + "," + height,
                    "--hide-scrollbars", html.toAbsolutePath().toUri().toString());
            if (r.exit() != 0 || !Files.isRegularFile(target)) {
                throw new AssertionError("chromium wrote no screenshot " + target + " (exit " + r.exit() + "): "
                        + tail(r.stderr()));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(work);
        }
    }

    static String withHook(String source) {
        Matcher head = Pattern.compile("<head[^>]*>", Pattern.CASE_INSENSITIVE).matcher(source);
        if (head.find()) {
            return source.substring(0, head.end()) + HOOK + source.substring(head.end());
        }
        return HOOK + source;
    }

    static List<String> pageErrors(String dom) {
        Matcher m = ERRORS.matcher(dom);
        if (!m.find()) {
            return List.of("the page's error hook did not run (no " + ERRORS_ATTRIBUTE
                    + " in the dumped DOM): the page did not load, or blocked inline scripts");
        }
        String json = m.group(1).replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
        List<String> out = new ArrayList<>();
        Matcher s = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        while (s.find()) {
            out.add(s.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return out;
    }

    static List<String> consoleErrors(String stderr) {
        List<String> out = new ArrayList<>();
        for (String line : stderr.split("\n")) {
            Matcher m = CONSOLE_LINE.matcher(line);
            if (m.find() && (m.group(1).contains("Uncaught") || m.group(1).contains("Refused to"))) {
                out.add("console: " + m.group(1).strip());
            }
        }
        return out;
    }

    private Result run(Path work, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--allow-file-access-from-files", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + work.resolve("profile")));
        cmd.addAll(List.of(args));
        Path out = work.resolve("stdout");
        Path err = work.resolve("stderr");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Paths.get("/dev/null").toFile())).start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + cmd);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new AssertionError("interrupted while waiting for chromium", e);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("creditkit-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless; the test's result does not depend on it
        }
    }

    private static String tail(String s) {
        return s.length() <= 2000 ? s : "..." + s.substring(s.length() - 2000);
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    /**
     * A rendered page.
     *
     * @param dom    the DOM after load, serialized by Chromium ({@code --dump-dom}), with the error
     *               attribute of the hook on the root element
     * @param errors script errors, unhandled rejections and console errors, in order; empty when clean
     */
    public record Page(String dom, List<String> errors) {

        /**
         * @param id an element id
         * @return whether the rendered DOM holds an element with that id
         */
        public boolean hasId(String id) {
            return dom.contains("id=\"" + id + "\"");
        }
    }
}
