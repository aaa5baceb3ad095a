package jipan.stores;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jipan.core.Lang;

/**
 * The group's stores as configured, in the configured order; the first is where data that names no store goes.
 * A code is checked here once, for the API, the imports, the keys and the nightly pipeline.
 */
public final class Stores {
    /** What a store code may be: it is written into file names and SQL literals, so nothing else. */
    public static final String CODE = "[A-Za-z0-9_-]{1,20}";

    /** The code of the store that data stored before stores existed belongs to (V27). */
    public static final String DEFAULT = "default";

    /** One store. */
    public record Store(String code, String name, String nameEn, String inbox) {
        public String name(Lang lang) {
            return lang == Lang.EN && nameEn != null && !nameEn.isBlank() ? nameEn : name;
        }
    }

    private final Map<String, Store> byCode = new LinkedHashMap<>();

    private Stores(List<Store> stores) {
        stores.forEach(store -> byCode.put(store.code(), store));
    }

    /** The configured stores; none configured, the one store {@code default}. Two stores with one code are refused. */
    public static Stores of(List<StoreSettings> settings) {
        List<Store> stores = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        for (StoreSettings store : settings) {
            if (stores.stream().anyMatch(s -> s.code().equals(store.getCode()))) {
                twice.add(store.getCode());
            }
            stores.add(new Store(store.getCode(), store.getName(), store.getNameEn(), store.getInbox()));
        }
        if (!twice.isEmpty()) {
            throw new IllegalArgumentException("stores: the code " + String.join(", ", twice)
                    + " is given to two stores");
        }
        return stores.isEmpty() ? single() : new Stores(stores);
    }

    /** One store, {@code default}: a dealership that is not a group. */
    public static Stores single() {
        return new Stores(List.of(new Store(DEFAULT, "本店", "Main store", null)));
    }

    public List<Store> all() {
        return List.copyOf(byCode.values());
    }

    public List<String> codes() {
        return List.copyOf(byCode.keySet());
    }

    /** Where data that names no store goes: the first configured store. */
    public Store first() {
        return byCode.values().iterator().next();
    }

    public Optional<Store> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** More than one store: the console and the reports show the store column. */
    public boolean isGroup() {
        return byCode.size() > 1;
    }

    /**
     * The store a value names, or an {@link IllegalArgumentException} that names {@code field} and the stores there
     * are: for a query parameter, a document's field, a key's configuration.
     */
    public Store check(String field, String code) {
        return find(code == null ? null : code.strip()).orElseThrow(() -> new IllegalArgumentException(field
                + ": no store '" + clip(code) + "' (the stores are " + String.join(", ", codes()) + ")"));
    }

    private static String clip(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}
