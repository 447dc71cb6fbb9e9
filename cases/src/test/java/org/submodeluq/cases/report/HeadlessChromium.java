package org.submodeluq.cases.report;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.submodeluq.core.testing.RequiredProgram;

/**
 * Debian's Chromium ({@code /usr/bin/chromium}, or {@code SUBMODEL_UQ_CHROMIUM}) as an independent
 * check that a page renders: it opens the page in an iframe of a harness page, which writes into its
 * own DOM how many images the page has, how many loaded, and how many comparison tables it holds.
 * Where Chromium is missing the test is skipped with the apt command to run, unless
 * {@code SUBMODEL_UQ_REQUIRE_CHROMIUM=1} (set by CI), where it fails.
 */
final class HeadlessChromium {

    /** What the harness saw of the page. */
    record Rendering(int images, int loaded, int comparisonTables) {
    }

    private static final Pattern RESULT = Pattern.compile(
            "<div id=\"result\">images=(\\d+) loaded=(\\d+) comparison-tables=(\\d+)</div>");

    private final String binary;

    private HeadlessChromium(String binary) {
        this.binary = binary;
    }

    /** The browser, after checking that it starts. */
    static HeadlessChromium require() {
        String binary = System.getenv().getOrDefault("SUBMODEL_UQ_CHROMIUM", "/usr/bin/chromium");
        RequiredProgram.check("SUBMODEL_UQ_REQUIRE_CHROMIUM", binary + " --version failed: apt-get install -y chromium",
                binary, "--version");
        return new HeadlessChromium(binary);
    }

    /** Loads {@code page} (an HTML file) and reports what the harness saw once it and its images loaded. */
    Rendering render(Path page, Path scratch) throws IOException, InterruptedException {
        Path harness = scratch.resolve("harness.html");
        Files.writeString(harness, """
                <!DOCTYPE html><html><body><div id="result">pending</div>
                <iframe id="page" src="%s" width="1400" height="900"></iframe>
                <script>
                document.getElementById('page').addEventListener('load', function () {
                  var result = document.getElementById('result');
                  try {
                    var doc = this.contentDocument;
                    var loaded = 0;
                    for (var i = 0; i < doc.images.length; i++) {
                      if (doc.images[i].complete && doc.images[i].naturalWidth > 0) { loaded++; }
                    }
                    result.textContent = 'images=' + doc.images.length + ' loaded=' + loaded
                        + ' comparison-tables=' + doc.querySelectorAll('table[id^="comparison-"]').length;
                  } catch (e) {
                    result.textContent = 'error: ' + e;
                  }
                });
                </script></body></html>
                """.formatted(page.toAbsolutePath().toUri()), StandardCharsets.UTF_8);
        Path profile = Files.createDirectories(scratch.resolve("chromium-profile"));
        Process process = new ProcessBuilder(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu",
                "--allow-file-access-from-files", "--user-data-dir=" + profile, "--virtual-time-budget=10000",
                "--dump-dom", harness.toUri().toString())).redirectError(scratch.resolve("chromium.log").toFile()).start();
        String dom = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "chromium did not finish within 120 s");
        Matcher matcher = RESULT.matcher(dom);
        if (!matcher.find()) {
            fail("the harness reported nothing usable; chromium's DOM:\n" + dom + "\nits log:\n"
                    + Files.readString(scratch.resolve("chromium.log")));
        }
        return new Rendering(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)));
    }
}
