package jipan.api;

import java.util.SortedMap;

/** The fixtures candidates must pass: each fixture file's path in the fixture set and its YAML text. */
public record FixtureSet(SortedMap<String, String> files) {
}
