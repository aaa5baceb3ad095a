package jipan.api;

import java.util.SortedMap;

/**
 * The rule files a settings change makes, name → DRL text: a candidate to send as {@code files} to validate,
 * test, impact or publish. Nothing is live until it is published.
 */
public record ChangedFiles(SortedMap<String, String> files) {
}
