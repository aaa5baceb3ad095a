package jipan.core.scenarios;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;

/** The outcome of a fixture run: each fixture's result and the rules no fixture fired. */
public record FixtureReport(List<FixtureOutcome> outcomes, int ruleCount, SortedSet<String> neverFired) {

    public long passed() {
        return outcomes.stream().filter(FixtureOutcome::passed).count();
    }

    public long failed() {
        return outcomes.size() - passed();
    }

    /** The rules some fixture fired. */
    public int fired() {
        return ruleCount - neverFired.size();
    }

    /** The share of the rules some fixture fired, in whole percent rounded down (100 for a set without rules). */
    public int coveragePercent() {
        return ruleCount == 0 ? 100 : fired() * 100 / ruleCount;
    }

    /** One line per fixture, each difference under its failure, the rule coverage, then "N passed, M failed". */
    public void print(PrintStream out) {
        for (FixtureOutcome outcome : outcomes) {
            out.println((outcome.passed() ? "PASS " : "FAIL ") + outcome.name());
            outcome.differences().forEach(difference -> out.println("     " + difference));
        }
        out.println();
        out.println("rule coverage: " + fired() + " of " + ruleCount
                + " rules fired by some fixture");
        neverFired.forEach(rule -> out.println("  never fired: \"" + rule + "\""));
        out.println(passed() + " passed, " + failed() + " failed");
    }

    public void writeJUnitXml(Path file) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"jipan fixtures\" tests=\"").append(outcomes.size())
                .append("\" failures=\"").append(failed()).append("\" errors=\"0\" skipped=\"0\">\n");
        for (FixtureOutcome outcome : outcomes) {
            xml.append("  <testcase classname=\"fixtures\" name=\"").append(escape(outcome.name())).append('"');
            if (outcome.passed()) {
                xml.append("/>\n");
            } else {
                String details = String.join("\n", outcome.differences());
                xml.append(">\n    <failure message=\"").append(escape(outcome.differences().get(0))).append("\">")
                        .append(escape(details)).append("</failure>\n  </testcase>\n");
            }
        }
        xml.append("  <system-out>").append(escape("rules never fired: " + neverFired)).append("</system-out>\n");
        xml.append("</testsuite>\n");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, xml, StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
