package jipan.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jipan.core.facts.Because;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * What each rule of a rule set says, in Chinese and in English (issue 26): its display name per language and the
 * sentence it explains its decision with, written by the analyst beside the rule as metadata —
 *
 * <pre>
 * rule "Tier A: frequent customer-pay visitor"
 *     &#64;name_zh("A级：高频自费回厂")
 *     &#64;en("%d customer-pay visits in the %d months to %s (A from %d) → A")
 *     &#64;zh("截至 %3$s 的 %2$d 个月内自费回厂 %1$d 次（%4$d 次起为 A 级）→ A 级")
 * </pre>
 *
 * (in a decision table, {@code METADATA} columns). The rule's {@code then} part gives the values once,
 * {@code Because.of( … )}; the engine keeps them ({@link #capture}, a {@link Sentence}) and the sentence is put together in
 * the language a reader asks for when it is read ({@link #render}). A rule that writes one language only is shown
 * in it in both; a rule's name is its identity, its display names are for reading.
 *
 * <p>A sentence takes {@code %s} (any value), {@code %d} (a whole number), {@code %.2f} (a number with 0–6 decimals),
 * {@code %b} (yes/no: 是/否), {@code %l} (a value such as a tier or a churn status, read as its label in the reader's
 * language: {@code AT_RISK} → 流失预警, {@link Labels}) and {@code %%}; {@code %2$s} takes the second value (a language may need another order). The two languages must
 * take the same values the same way ({@link #check}: refused at validate, at the rule's line).
 */
public final class RuleTexts {
    /** The metadata keys a rule writes its texts with. */
    public static final String SAY_EN = "en";
    public static final String SAY_ZH = "zh";
    public static final String NAME_EN = "name_en";
    public static final String NAME_ZH = "name_zh";
    /** A lead's follow-up action in Chinese, for a rule that categorises leads (the action it inserts is English). */
    public static final String ACTION_ZH = "action_zh";
    /** The longest sentence or name accepted (a sentence is read in a table cell and on a call list). */
    static final int MAX_LENGTH = 1_000;
    private static final Pattern CONVERSION = Pattern.compile("%(?:(\\d{1,2})\\$)?(?:\\.(\\d))?([sdfbl%])|%");
    private static final String NULL = "—";

    /** A rule's texts as written: display names, sentences and a lead's action in Chinese, each may be null. */
    public record Texts(String nameEn, String nameZh, String sayEn, String sayZh, String actionZh) {
        public static final Texts NONE = new Texts(null, null, null, null, null);

        String name(Lang lang) {
            return lang == Lang.ZH ? nameZh : nameEn;
        }
    }

    /** A problem with one rule's texts: the metadata key it is in, and what is wrong. */
    public record Problem(String rule, String key, String message) {
    }

    /** One value a sentence takes: which of the rule's values (0-based), as what, with how many decimals. */
    private record Slot(int arg, char conversion, int decimals) {
    }

    /** A sentence split into its text and its slots: parts.get(i) is followed by slots.get(i). */
    private record Template(List<String> parts, List<Slot> slots, int args, String problem) {
        static Template parse(String text) {
            List<String> parts = new ArrayList<>();
            List<Slot> slots = new ArrayList<>();
            StringBuilder part = new StringBuilder();
            Matcher matcher = CONVERSION.matcher(text);
            int from = 0;
            int next = 0;
            int args = 0;
            String problem = null;
            while (matcher.find()) {
                part.append(text, from, matcher.start());
                from = matcher.end();
                if (matcher.group(3) == null) {
                    problem = "'%' at character " + (matcher.start() + 1) + " is not %s, %d, %.2f, %b, %l or %% (write %% for"
                            + " a percent sign)";
                    part.append('%');
                    continue;
                }
                char conversion = matcher.group(3).charAt(0);
                if (conversion == '%') {
                    part.append('%');
                    continue;
                }
                if (matcher.group(2) != null && conversion != 'f' || conversion == 'f' && matcher.group(2) == null) {
                    problem = "'" + matcher.group() + "': decimals are written %.2f, and only for f";
                }
                int arg = matcher.group(1) != null ? Integer.parseInt(matcher.group(1)) - 1 : next++;
                if (arg < 0) {
                    problem = "'" + matcher.group() + "': values are counted from 1";
                    arg = 0;
                }
                parts.add(part.toString());
                part.setLength(0);
                slots.add(new Slot(arg, conversion, matcher.group(2) == null ? 0 : matcher.group(2).charAt(0) - '0'));
                args = Math.max(args, arg + 1);
            }
            part.append(text, from, text.length());
            parts.add(part.toString());
            return new Template(List.copyOf(parts), List.copyOf(slots), args, problem);
        }

        /** How each value is taken, by value number (0-based); null for a value no slot takes. */
        Slot[] byArg() {
            Slot[] byArg = new Slot[args];
            for (Slot slot : slots) {
                if (byArg[slot.arg()] == null) {
                    byArg[slot.arg()] = slot;
                }
            }
            return byArg;
        }

        String fill(List<String> values, Lang lang) {
            StringBuilder out = new StringBuilder(64);
            for (int i = 0; i < slots.size(); i++) {
                out.append(parts.get(i));
                int arg = slots.get(i).arg();
                String value = arg < values.size() ? values.get(arg) : null;
                char conversion = slots.get(i).conversion();
                if (value == null) {
                    out.append(NULL);
                } else if (conversion == 'b') {
                    out.append(Labels.yesNo(Boolean.parseBoolean(value), lang));
                } else if (conversion == 'l') {
                    out.append(Labels.label(value, lang));
                } else {
                    out.append(value);
                }
            }
            return out.append(parts.get(parts.size() - 1)).toString();
        }
    }

    /** A rule's texts, read for use. */
    private record Entry(Texts texts, Template en, Template zh, Slot[] slots) {
        Template template(Lang lang) {
            Template asked = lang == Lang.ZH ? zh : en;
            return asked != null ? asked : lang == Lang.ZH ? en : zh;
        }
    }

    public static final RuleTexts NONE = new RuleTexts(Map.of());

    private final Map<String, Texts> texts;
    private final Map<String, Entry> entries = new HashMap<>();

    private RuleTexts(Map<String, Texts> texts) {
        this.texts = Collections.unmodifiableMap(new TreeMap<>(texts));
        texts.forEach((rule, written) -> {
            Template en = written.sayEn() == null ? null : Template.parse(written.sayEn());
            Template zh = written.sayZh() == null ? null : Template.parse(written.sayZh());
            Template reference = en != null ? en : zh;
            entries.put(rule, new Entry(written, en, zh, reference == null ? new Slot[0] : reference.byArg()));
        });
    }

    /** The texts of these rules (rule name → texts), e.g. as a run stored them. */
    public static RuleTexts of(Map<String, Texts> texts) {
        return texts.isEmpty() ? NONE : new RuleTexts(texts);
    }

    /** The texts the rules of a rule base write as metadata. */
    public static RuleTexts of(KieBase kieBase) {
        Map<String, Texts> texts = new HashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Map<String, Object> meta = rule.getMetaData();
                Texts written = new Texts(text(meta, NAME_EN), text(meta, NAME_ZH), text(meta, SAY_EN),
                        text(meta, SAY_ZH), text(meta, ACTION_ZH));
                if (!written.equals(Texts.NONE)) {
                    texts.put(rule.getName(), written);
                }
            }
        }
        return of(texts);
    }

    private static String text(Map<String, Object> meta, String key) {
        Object value = meta.get(key);
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value).strip();
        return text.isEmpty() ? null : text;
    }

    /**
     * What is wrong with the texts: a sentence with a conversion other than %s, %d, %.Nf, %%; two languages that do
     * not take the same values the same way; a text longer than {@link #MAX_LENGTH}.
     */
    public List<Problem> check() {
        List<Problem> problems = new ArrayList<>();
        entries.forEach((rule, entry) -> {
            Texts written = entry.texts();
            for (String[] keyed : new String[][] {{NAME_EN, written.nameEn()}, {NAME_ZH, written.nameZh()},
                    {SAY_EN, written.sayEn()}, {SAY_ZH, written.sayZh()}, {ACTION_ZH, written.actionZh()}}) {
                if (keyed[1] != null && keyed[1].length() > MAX_LENGTH) {
                    problems.add(new Problem(rule, keyed[0], "the text has " + keyed[1].length()
                            + " characters; at most " + MAX_LENGTH));
                }
            }
            for (Lang lang : Lang.values()) {
                Template template = lang == Lang.ZH ? entry.zh() : entry.en();
                if (template != null && template.problem() != null) {
                    problems.add(new Problem(rule, lang.code(), template.problem()));
                }
            }
            if (entry.en() != null && entry.zh() != null) {
                String en = shape(entry.en());
                String zh = shape(entry.zh());
                if (!en.equals(zh)) {
                    problems.add(new Problem(rule, SAY_ZH, "the Chinese sentence takes " + zh
                            + " but the English one takes " + en + ": both languages must take the same values"));
                }
            }
        });
        problems.sort(java.util.Comparator.comparing(Problem::rule));
        return problems;
    }

    /** The values a sentence takes, in value order: "3 values (%d, %d, %s)". */
    private static String shape(Template template) {
        Slot[] byArg = template.byArg();
        List<String> taken = new ArrayList<>();
        for (Slot slot : byArg) {
            taken.add(slot == null ? "(unused)" : slot.conversion() == 'f' ? "%." + slot.decimals() + "f"
                    : slot.conversion() == 'l' ? "%s" : "%" + slot.conversion()); // %l is %s read as a label
        }
        return byArg.length + " value(s) (" + String.join(", ", taken) + ")";
    }

    /** Every rule's texts as written (rule name → texts): what a run stores beside its answers. */
    public Map<String, Texts> all() {
        return texts;
    }

    public Texts texts(String rule) {
        Entry entry = entries.get(rule);
        return entry == null ? Texts.NONE : entry.texts();
    }

    /**
     * The language-neutral form of what a rule said: a sentence written out is kept as it is; the values for the
     * rule's own sentences are written as text once (so both languages show the same figures).
     *
     * @throws RuleEvaluationException when the rule gives values but writes no sentence, or not as many values as
     *         its sentence takes
     */
    public Sentence capture(String rule, Because because) {
        if (because == null || because.text() != null) {
            return values(because);
        }
        Object[] values = because.args();
        Entry entry = entries.get(rule);
        if (entry == null || entry.en() == null && entry.zh() == null) {
            throw new RuleEvaluationException("rule '" + rule + "' gives " + values.length + " value(s) with Because.of,"
                    + " but writes no sentence beside it: add @en(\"…\") and @zh(\"…\") to the rule");
        }
        Slot[] slots = entry.slots();
        if (values.length != slots.length) {
            throw new RuleEvaluationException("rule '" + rule + "' gives " + values.length + " value(s) with Because.of,"
                    + " but its sentence takes " + slots.length);
        }
        List<String> args = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            args.add(written(values[i], slots[i]));
        }
        return new Sentence(null, args);
    }

    /**
     * What {@link #capture} keeps when every value is taken as {@code %s} or {@code %d}, without the rule's sentences
     * (for code that mirrors the rules): a sentence written out as it is, else the values as text.
     */
    public static Sentence values(Because because) {
        if (because == null || because.text() != null) {
            return Sentence.text(because == null ? "" : because.text());
        }
        List<String> args = new ArrayList<>(because.args().length);
        for (Object value : because.args()) {
            args.add(written(value, null));
        }
        return new Sentence(null, args);
    }

    /** Small whole numbers as text, made once: most values of most reasons are counts, points and months. */
    private static final String[] SMALL = new String[1_024];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = Integer.toString(i);
        }
    }

    /** A value as text, the same for every language. */
    private static String written(Object value, Slot slot) {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer number && number >= 0 && number < SMALL.length
                && (slot == null || slot.conversion() != 'f')) {
            return SMALL[number];
        }
        if (slot != null && slot.conversion() == 'f' && value instanceof Number number) {
            BigDecimal decimal = number instanceof BigDecimal big ? big : new BigDecimal(number.toString());
            return decimal.setScale(slot.decimals(), java.math.RoundingMode.HALF_UP).toPlainString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().scale() <= 0 ? decimal.setScale(0, java.math.RoundingMode.UNNECESSARY)
                    .toPlainString() : decimal.toPlainString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return String.valueOf(value);
    }

    /** The sentence in a language: the rule's own in that language (else in the other), filled with its values. */
    public String render(String rule, Sentence sentence, Lang lang) {
        if (sentence.text() != null) {
            return sentence.text();
        }
        Entry entry = entries.get(rule);
        Template template = entry == null ? null : entry.template(lang);
        if (template == null) { // the rule no longer writes a sentence: its values, at least
            return String.join(", ", sentence.args().stream().map(v -> v == null ? NULL : v).toList());
        }
        return template.fill(sentence.args(), lang);
    }

    /** A reason read in a language. */
    public ReasonText text(Reason reason, Lang lang) {
        return new ReasonText(reason.rule(), name(reason.rule(), lang), render(reason.rule(), reason.said(), lang),
                reason.topic());
    }

    /** A follow-up read in a language. */
    public FollowUpText text(FollowUpResult followUp, Lang lang) {
        return new FollowUpText(followUp.kind(), followUp.subject(), followUp.priority(), followUp.due(),
                followUp.assignee(), followUp.person(), followUp.basis(), render(followUp.rule(), followUp.said(), lang));
    }

    /** The rule's display name in a language: its own, else the other language's, else the rule's name. */
    public String name(String rule, Lang lang) {
        Entry entry = entries.get(rule);
        if (entry == null) {
            return rule;
        }
        String name = entry.texts().name(lang);
        if (name == null && lang == Lang.EN) {
            return rule; // a rule's name is English by default
        }
        if (name == null) {
            name = entry.texts().name(lang.other());
        }
        return name == null ? rule : name;
    }

    /** The lead action a rule gives, in Chinese ({@code @action_zh}); null in English or when it writes none. */
    public String action(String rule, Lang lang) {
        Entry entry = entries.get(rule);
        return lang == Lang.ZH && entry != null ? entry.texts().actionZh() : null;
    }

    @Override
    public String toString() {
        return "RuleTexts" + texts.keySet();
    }
}
