package jipan.api;

import java.util.List;

/** How one file differs between two versions: lines only in the first (-) and only in the second (+). */
public record RuleFileDiff(String file, String change, List<String> lines) {
}
