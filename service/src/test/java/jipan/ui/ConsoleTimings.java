package jipan.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * On-demand timings of the console in headless Chromium against a running service (not a test: run it by hand,
 * see docs/performance.md): the sign-in page ready, the first page (dashboards) after signing in with every
 * chart drawn, and the rule editor opening each rule file. Prints the median and range of each.
 *
 * <pre>java -cp … jipan.ui.ConsoleTimings http://localhost:8080 demo-analyst 5 [dashboards|base]</pre>
 */
public final class ConsoleTimings {
    private ConsoleTimings() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "http://localhost:8080";
        String key = args.length > 1 ? args[1] : "demo-analyst";
        int repeat = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String dashboardPage = args.length > 3 ? args[3] : "dashboards"; // or base: the customer-base dashboards
        ChromeDriver browser = Browser.start();
        // polled every 5 ms: the default half second would be the resolution of every figure
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(5));
        List<Double> signIn = new ArrayList<>();
        List<Double> firstChart = new ArrayList<>();
        List<Double> dashboards = new ArrayList<>();
        List<Double> editor = new ArrayList<>();
        try {
            browser.get(url + "/");
            for (int i = 0; i <= repeat; i++) { // the first round warms the service and the browser up
                browser.executeScript("sessionStorage.clear()");
                long start = System.nanoTime();
                browser.get(url + "/");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key")));
                double ready = millis(start);
                browser.executeScript("sessionStorage.setItem('jipan.apiKey', arguments[0])", key);
                browser.get("about:blank"); // a new page load, not a change of the address's hash
                start = System.nanoTime();
                browser.get(url + "/#/" + dashboardPage);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart-card table.rows")));
                double table = millis(start);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart[data-drawn]")));
                double first = millis(start);
                wait.until(d -> Browser.everyChartDrawn(browser, 1));
                double all = millis(start);
                // the page's own clock (since it was asked for) is exact; the polling above adds its own delays
                @SuppressWarnings("unchecked")
                List<Number> marks = (List<Number>) browser.executeScript("return performance.getEntriesByType('mark')"
                        + ".filter(m => m.name.startsWith('chart-drawn:')).map(m => m.startTime).sort((a, b) => a - b)");
                if (!marks.isEmpty()) {
                    first = marks.get(0).doubleValue();
                    all = marks.get(marks.size() - 1).doubleValue();
                }
                if (i == repeat) { // where the last round's dashboard time went, by what the page loaded
                    @SuppressWarnings("unchecked")
                    List<String> loads = (List<String>) browser.executeScript("return performance.getEntriesByType("
                            + "'resource').filter(e => e.name.includes('/api/') || e.name.includes('echarts'))"
                            + ".map(e => Math.round(e.startTime) + '+' + Math.round(e.duration) + ' ms '"
                            + "+ e.name.replace(location.origin, ''))");
                    loads.forEach(load -> System.out.println("  " + load));
                }
                browser.get(url + "/#/rules");
                List<WebElement> files = wait.until(d -> {
                    List<WebElement> buttons = d.findElements(By.cssSelector("button.file-button"));
                    return buttons.isEmpty() ? null : buttons;
                });
                double slowest = 0;
                for (int f = 0; f < files.size(); f++) {
                    WebElement button = browser.findElements(By.cssSelector("button.file-button")).get(f);
                    String name = button.getAttribute("data-file");
                    if (name.endsWith(".xlsx")) {
                        continue; // a decision table opens as its sheets, not in the text editor
                    }
                    start = System.nanoTime();
                    button.click();
                    wait.until(ExpectedConditions.textToBe(By.id("editor-file"), name));
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#editor .CodeMirror-code")));
                    slowest = Math.max(slowest, millis(start));
                }
                if (i == 0) { // the first round: a service (and browser) that just started
                    System.out.printf("first round: sign-in page %.0f ms, first table %.0f ms, first chart %.0f ms, "
                            + "every chart %.0f ms, slowest rule file %.0f ms%n", ready, table, first, all, slowest);
                } else {
                    signIn.add(ready);
                    firstChart.add(first);
                    dashboards.add(all);
                    editor.add(slowest);
                }
            }
        } finally {
            browser.quit();
        }
        print("sign-in page ready", signIn);
        print("dashboards: first chart drawn", firstChart);
        print("dashboards: every chart drawn", dashboards);
        print("rule editor: slowest of the rule files to open", editor);
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static void print(String what, List<Double> millis) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("%-50s median %6.0f ms (%.0f – %.0f ms, %d runs)%n", what, sorted[sorted.length / 2],
                sorted[0], sorted[sorted.length - 1], sorted.length);
        if (Arrays.stream(sorted).anyMatch(Double::isNaN)) {
            throw new IllegalStateException("no timing");
        }
    }
}
