package sprocket.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sprocket compare --html}: one self-contained page, looked at as a person would, in headless Chromium with no
 * network. SPROCKET_REPORT_SCREENSHOT=FILE keeps the screenshot (docs/compare-report.png is one).
 */
class CompareReportTest {
    /** The first series' colour, the bars of a figure across the combinations (Charts.PALETTE[0]). */
    private static final int BLUE = 0x0072B2;
    /** The second series' colour: the second CPU's bars in the busy-time chart. */
    private static final int ORANGE = 0xE69F00;

    @TempDir
    static Path tmp;
    private static Path report;
    private static String html;

    @BeforeAll
    static void compare() throws Exception {
        report = tmp.resolve("report.html");
        Invocation r = Invocation.sprocket("compare", "--progress", "never", "-c", RunCommandTest.IRIX, "--vary",
                "hw=r2000,x86mps", "--vary", "hw.cpus=1,2", "--html", report.toString(), "shmpi", "2", "20000");
        assertThat(r.status()).as(r.err()).isZero();
        html = Files.readString(report);
    }

    @Test
    void the_report_is_one_page_that_loads_nothing() {
        assertThat(html).startsWith("<!DOCTYPE html>").contains("default-src 'none'");
        // Nothing to fetch: no script, no external style, image or font; xmlns names are not fetched.
        assertThat(html).doesNotContain("<script", "<link", "src=\"http", "href=\"http", "url(http", "@import");
        // The table, a chart per figure that counted something, the CPUs' busy time, speedup against CPU count.
        assertThat(html).contains("<table>", "<th>hw.cpus</th>", "id=\"figure-simulated_seconds\"", "id=\"cpu-busy\"",
                "id=\"speedup\"");
        assertThat(count(html, "<svg")).isGreaterThanOrEqualTo(12);
    }

    @Test
    void the_same_comparison_writes_the_same_report_byte_for_byte() throws Exception {
        Path again = tmp.resolve("again.html");
        Invocation r = Invocation.sprocket("compare", "--progress", "never", "-j", "1", "-c", RunCommandTest.IRIX,
                "--vary", "hw=r2000,x86mps", "--vary", "hw.cpus=1,2", "--html", again.toString(), "shmpi", "2", "20000");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Files.readString(again)).isEqualTo(html);
    }

    @Test
    void headless_chromium_draws_every_chart_offline() throws Exception {
        Chromium chromium = Chromium.find();
        assumeTrue(chromium != null, Chromium::whyNot);

        String dom = chromium.dumpDom(report, tmp.resolve("profile-dom"));
        // Chromium parsed every chart as SVG: each figure holds an svg with drawn bars (rect) and text.
        Matcher figures = Pattern.compile("<figure class=\"chart\" id=\"([^\"]+)\">(.*?)</figure>", Pattern.DOTALL)
                .matcher(dom);
        int charts = 0;
        while (figures.find()) {
            charts++;
            String svg = figures.group(2);
            assertThat(svg).as(figures.group(1)).startsWith("<svg").contains("<text");
            assertThat(count(svg, "<rect") + count(svg, "<path")).as(figures.group(1)).isGreaterThan(5);
        }
        assertThat(charts).isEqualTo(count(html, "<figure class=\"chart\""));

        Path png = tmp.resolve("report.png");
        chromium.screenshot(report, tmp.resolve("profile-png"), png, 1280, 5200);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        // The bars are there in their colours: the figures' blue, the second CPU's orange.
        assertThat(pixels(image, BLUE)).as("blue pixels").isGreaterThan(20_000);
        assertThat(pixels(image, ORANGE)).as("orange pixels").isGreaterThan(1_000);
        String keep = System.getenv("SPROCKET_REPORT_SCREENSHOT");
        if (keep != null && !keep.isEmpty()) {
            chromium.screenshot(report, tmp.resolve("profile-keep"), Path.of(keep), 1280, 1500);
        }
    }

    private static int pixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) n++;
            }
        }
        return n;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }
}
