package jipan.api;

/**
 * A threshold of the live rules: a field of a {@code declare …Settings} type — its file, type, name, value type,
 * value, line and what explains it, in the language the request asked for.
 */
public record RuleSetting(String file, String type, String name, String valueType, String value, int line,
                          String comment) {
}
