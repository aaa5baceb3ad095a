package jipan.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 4S store's own values of the group's settings, without writing DRL: the file {@value #FILE} of a rule set, one
 * line per override, {@code STORE: Type.setting = value} ({@code S1: TierSettings.minVisitsForA = 5}), {@code #}
 * comments. It is versioned, gated and published with the rule files. Each store with overrides classifies with the
 * group's rules where each of its settings' literals is replaced ({@link RuleSettings#apply}): the same rules, the
 * store's thresholds. A line that is not an override, names no setting, gives a value that is not a number of the
 * setting's type or sets one setting twice for a store is refused at its line.
 */
public final class StoreOverrides {
    /** The file of a rule set that holds the stores' overrides. */
    public static final String FILE = "store-settings.properties";

    private static final Pattern LINE = Pattern.compile(
            "^\\s*([A-Za-z0-9_-]{1,20})\\s*:\\s*(\\w+)\\.(\\w+)\\s*=\\s*(\\S{0,30})\\s*$");

    /** One store's value of one setting, at its line of {@value #FILE}. */
    public record Override(String store, String type, String name, String value, int line) {
    }

    private StoreOverrides() {
    }

    /** Whether a rule set's file is the stores' overrides. */
    public static boolean isOverrides(String name) {
        return FILE.equals(name);
    }

    /** The overrides of a rule set (none without {@value #FILE}), or every problem at its line. */
    public static List<Override> read(RuleFiles files) {
        String text = files.files().get(FILE);
        if (text == null) {
            return List.of();
        }
        List<Override> overrides = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replace("\r", "");
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            Matcher matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                problems.add(problem(i + 1, "not an override: write STORE: Type.setting = value, e.g. "
                        + "S1: TierSettings.minVisitsForA = 5"));
                continue;
            }
            Override override = new Override(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4),
                    i + 1);
            if (overrides.stream().anyMatch(o -> o.store().equals(override.store()) && o.type().equals(override.type())
                    && o.name().equals(override.name()))) {
                problems.add(problem(i + 1, "store " + override.store() + " sets " + override.type() + "."
                        + override.name() + " twice"));
                continue;
            }
            overrides.add(override);
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        return overrides;
    }

    /**
     * Per store, its rule files: the group's {@code rules} (without {@value #FILE}) with the store's values in
     * place, or every problem at its line of {@value #FILE}.
     */
    public static Map<String, RuleFiles> storeRules(RuleFiles rules, List<Override> overrides) {
        List<RuleSettings.Setting> settings = RuleSettings.read(rules);
        Map<String, List<RuleSettings.Change>> byStore = new LinkedHashMap<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (Override override : overrides) {
            List<RuleSettings.Setting> found = settings.stream().filter(s -> s.type().equals(override.type())
                    && s.name().equals(override.name())).toList();
            if (found.size() != 1) {
                problems.add(problem(override.line(), found.isEmpty()
                        ? "no setting " + override.type() + "." + override.name() + " in the rules"
                        : override.type() + "." + override.name() + " is declared in several files"));
                continue;
            }
            RuleSettings.Change change = new RuleSettings.Change(found.get(0).file(), override.type(), override.name(),
                    override.value());
            try {
                RuleSettings.apply(rules, List.of(change)); // the value checked on its own, so its line is named
            } catch (IllegalArgumentException e) {
                problems.add(problem(override.line(), "store " + override.store() + ": " + e.getMessage()));
                continue;
            }
            byStore.computeIfAbsent(override.store(), store -> new ArrayList<>()).add(change);
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        Map<String, RuleFiles> result = new LinkedHashMap<>();
        byStore.forEach((store, changes) -> {
            Map<String, String> files = new java.util.TreeMap<>(rules.files());
            files.putAll(RuleSettings.apply(rules, changes));
            result.put(store, new RuleFiles(files));
        });
        return result;
    }

    /**
     * The text of {@value #FILE} with a store's value of a setting set ({@code value} blank or null: the override
     * removed, the store uses the group's value again); other lines stay as they are.
     */
    public static String with(String text, String store, String type, String name, String value) {
        List<String> lines = new ArrayList<>(text == null || text.isEmpty() ? List.of()
                : List.of(text.split("\n", -1)));
        boolean remove = value == null || value.isBlank();
        String wanted = store + ": " + type + "." + name + " = " + (remove ? "" : value.strip());
        for (int i = 0; i < lines.size(); i++) {
            Matcher matcher = LINE.matcher(lines.get(i).replace("\r", ""));
            if (matcher.matches() && matcher.group(1).equals(store) && matcher.group(2).equals(type)
                    && matcher.group(3).equals(name)) {
                if (remove) {
                    lines.remove(i);
                } else {
                    lines.set(i, wanted);
                }
                return String.join("\n", lines);
            }
        }
        if (remove) {
            return String.join("\n", lines);
        }
        if (lines.isEmpty()) {
            lines.add("# 门店设置 Store settings: STORE: Type.setting = value (a store's own value of a group setting)");
        } else if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        lines.add(wanted);
        lines.add("");
        return String.join("\n", lines);
    }

    private static RuleProblem problem(int line, String message) {
        return new RuleProblem(FILE, line, 1, "ERROR", message);
    }
}
