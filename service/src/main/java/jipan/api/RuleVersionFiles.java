package jipan.api;

import java.util.SortedMap;

/** One rule version with the text of each of its files. */
public record RuleVersionFiles(RuleVersion version, SortedMap<String, String> files) {
}
