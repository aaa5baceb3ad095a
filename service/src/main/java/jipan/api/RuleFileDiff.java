package jipan.api;

import java.util.List;

/**
 * How one file differs between two versions: lines only in the first (-) and only in the second (+). For a
 * decision table ({@code *.drl.xlsx}) {@code lines} are its cells ({@code - Categories!C26: offer finance plan})
 * and {@code drlLines} the lines of the DRL it generates; for a DRL file {@code drlLines} is null.
 */
public record RuleFileDiff(String file, String change, List<String> lines, List<String> drlLines) {
    public RuleFileDiff(String file, String change, List<String> lines) {
        this(file, change, lines, null);
    }
}
