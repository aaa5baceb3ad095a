package jipan.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The thresholds of a rule set: every field of every {@code declare …Settings} type in the rule files, with its
 * value, line and comment — what an analyst changes most — and the one way to change one: the literal on
 * its line is replaced, nothing else in the file moves. The result is a candidate like any other and goes
 * through the same compile, verification and fixture gate.
 */
public final class RuleSettings {
    private static final Pattern DECLARE = Pattern.compile("^\\s*declare\\s+(\\w+Settings)\\b.*$");
    private static final Pattern END = Pattern.compile("^\\s*end\\b.*$");
    private static final Pattern COMMENT = Pattern.compile("^\\s*//\\s?(.*)$");
    private static final Pattern FIELD = Pattern.compile(
            "^(\\s*(\\w+)\\s*:\\s*(int|long|double|java\\.math\\.BigDecimal|BigDecimal)\\s*=\\s*)(-?\\d+(?:\\.\\d+)?)"
                    + "(\\s*(?://\\s?(.*))?)$");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,9}(\\.\\d{1,6})?");

    /**
     * One threshold: where it is declared, its type, value and what explains it, in English ({@code comment}) and in
     * Chinese ({@code commentZh}): the {@code // en:} and {@code // zh:} lines right above the field, each for that
     * field only. A plain comment above several fields (or at the end of the line) still explains each of them,
     * in the language it is written in.
     */
    public record Setting(String file, String type, String name, String valueType, String value, int line,
                          String comment, String commentZh) {
        /** The explanation in a language (the other language's when there is none in it). */
        public String comment(Lang lang) {
            String asked = lang == Lang.ZH ? commentZh : comment;
            return asked != null ? asked : lang == Lang.ZH ? comment : commentZh;
        }
    }

    private static final Pattern EXPLAINED = Pattern.compile("^\\s*//\\s?(en|zh):\\s*(.*)$");

    /** A new value for one threshold. */
    public record Change(String file, String type, String name, String value) {
    }

    private RuleSettings() {
    }

    /** Every threshold of the rule files, file by file, in the order they are declared. */
    public static List<Setting> read(RuleFiles files) {
        List<Setting> settings = new ArrayList<>();
        // settings are declared in DRL; a decision table's numbers are its cells
        files.files().forEach((file, text) -> {
            if (!DecisionTables.isTable(file) && !StoreOverrides.isOverrides(file)) {
                settings.addAll(read(file, text));
            }
        });
        return settings;
    }

    static List<Setting> read(String file, String text) {
        List<Setting> settings = new ArrayList<>();
        String type = null;
        String groupComment = null;
        boolean commentEnded = false;
        String en = null;
        String zh = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replace("\r", "");
            Matcher declare = DECLARE.matcher(line);
            if (type == null) {
                if (declare.matches()) {
                    type = declare.group(1);
                    groupComment = null;
                    commentEnded = false;
                }
                continue;
            }
            if (END.matcher(line).matches()) {
                type = null;
                continue;
            }
            Matcher explained = EXPLAINED.matcher(line);
            Matcher comment = COMMENT.matcher(line);
            Matcher field = FIELD.matcher(line);
            if (explained.matches()) {
                String said = explained.group(2).trim();
                if (explained.group(1).equals("en")) {
                    en = en == null ? said : en + " " + said;
                } else {
                    zh = zh == null ? said : zh + said;
                }
            } else if (comment.matches()) {
                // a comment after fields starts a new group; consecutive comment lines are one comment
                groupComment = commentEnded || groupComment == null ? comment.group(1).trim()
                        : groupComment + " " + comment.group(1).trim();
                commentEnded = false;
            } else if (field.matches()) {
                String trailing = field.group(6) == null ? null : field.group(6).trim();
                String shared = trailing != null && !trailing.isEmpty() ? trailing : groupComment;
                settings.add(new Setting(file, type, field.group(2), simple(field.group(3)), field.group(4), i + 1,
                        en != null ? en : shared, zh));
                en = null;
                zh = null;
                commentEnded = true;
            }
        }
        return settings;
    }

    private static String simple(String type) {
        return type.endsWith("BigDecimal") ? "BigDecimal" : type;
    }

    /**
     * The files with the changes made: each value replaced on its line. Unknown settings, values that are not
     * numbers of the setting's type, and the same setting changed twice are refused, every one named.
     */
    public static SortedMap<String, String> apply(RuleFiles files, List<Change> changes) {
        List<Setting> settings = read(files);
        List<String> problems = new ArrayList<>();
        SortedMap<String, String> changed = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (Change change : changes) {
            String where = change.file() + ":" + change.type() + "." + change.name();
            Setting setting = settings.stream().filter(s -> s.file().equals(change.file())
                    && s.type().equals(change.type()) && s.name().equals(change.name())).findFirst().orElse(null);
            if (setting == null) {
                problems.add(where + ": no such setting");
                continue;
            }
            if (!seen.add(where)) {
                problems.add(where + ": changed twice");
                continue;
            }
            String value = change.value() == null ? "" : change.value().trim();
            boolean whole = setting.valueType().equals("int") || setting.valueType().equals("long");
            if (!(whole ? INTEGER : DECIMAL).matcher(value).matches()) {
                problems.add(where + ": must be " + (whole ? "a whole number" : "a number") + " (got '"
                        + (value.length() > 20 ? value.substring(0, 20) + "…" : value) + "')");
                continue;
            }
            String text = changed.getOrDefault(setting.file(), files.files().get(setting.file()));
            changed.put(setting.file(), replace(text, setting.line(), value));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return changed;
    }

    private static String replace(String text, int line, String value) {
        String[] lines = text.split("\n", -1);
        String original = lines[line - 1];
        boolean carriageReturn = original.endsWith("\r");
        Matcher field = FIELD.matcher(carriageReturn ? original.substring(0, original.length() - 1) : original);
        if (!field.matches()) {
            throw new IllegalStateException("line " + line + " is not a setting");
        }
        lines[line - 1] = field.group(1) + value + field.group(5) + (carriageReturn ? "\r" : "");
        return String.join("\n", lines);
    }

    /** The settings as {@code type.name → value}, for comparing two rule sets. */
    public static Map<String, String> values(RuleFiles files) {
        Map<String, String> values = new TreeMap<>();
        read(files).forEach(s -> values.put(s.type() + "." + s.name(), s.value()));
        return values;
    }
}
