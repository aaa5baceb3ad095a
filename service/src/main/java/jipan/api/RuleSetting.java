package jipan.api;

/**
 * A threshold of the live rules: a field of a {@code declare …Settings} type — its file, type, name, value type,
 * value, line and what explains it, in the language the request asked for; {@code stores}: the stores with their own
 * value of it (store code → value, from store-settings.properties).
 */
public record RuleSetting(String file, String type, String name, String valueType, String value, int line,
                          String comment, java.util.Map<String, String> stores) {
}
