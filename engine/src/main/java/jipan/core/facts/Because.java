package jipan.core.facts;

import java.math.BigInteger;
import java.util.Formattable;

/**
 * What a rule says about a decision, kept in a form that serves every language (issue 26).
 *
 * <p>A rule writes its sentence once per language beside the rule, as metadata — {@code @en("%d customer-pay visits
 * (A from %d) → A")} and {@code @zh("窗口内自费回厂 %d 次（%d 次起为 A）→ A")} — and its {@code then} part gives only
 * the values: {@code Because.of( $visits, $a )}. The engine keeps the values and renders the sentence in the language
 * a reader asks for, when it is read ({@link jipan.core.RuleTexts}). {@link #format} (the sentence written out in
 * the {@code then} part) and {@link #text} still work: that sentence is shown as it is, in every language.
 *
 * <p>{@link #formatted} writes a sentence from a template, like {@code String.format}, several times faster for the
 * templates reasons use: {@code %s} (any value; {@code null} is written {@code null}), {@code %d} (a whole number in
 * plain ASCII digits, no grouping, whatever the machine's locale) and {@code %%}. Any other conversion, a flag, a
 * width or a precision ({@code %.1f}, {@code %,d}, {@code %1$s} …) makes the whole template go to
 * {@code String.format}, so a template gives the same sentence either way.
 */
public final class Because {
    private static final Object[] NONE = new Object[0];

    /** A sentence written out already (shown as it is in every language), or null. */
    private final String text;
    /** The values for the rule's sentences (when {@link #text} is null). */
    private final Object[] args;

    private Because(String text, Object[] args) {
        this.text = text;
        this.args = args;
    }

    /** The values of the sentence the rule writes beside itself ({@code @en(…)}, {@code @zh(…)}), in its order. */
    public static Because of(Object... args) {
        return new Because(null, args == null ? NONE : args);
    }

    /** A sentence written out in the rule's {@code then} part: shown as it is, whatever the reader's language. */
    public static Because format(String template, Object... args) {
        return new Because(formatted(template, args), NONE);
    }

    /** A sentence given as it is: shown as it is, whatever the reader's language. */
    public static Because text(String sentence) {
        return new Because(sentence == null ? "" : sentence, NONE);
    }

    /** The written-out sentence, or null when the rule's own sentences are to be filled with {@link #args}. */
    public String text() {
        return text;
    }

    public Object[] args() {
        return args;
    }

    @Override
    public String toString() {
        return text != null ? text : java.util.Arrays.toString(args);
    }

    public static String formatted(String template, Object... args) {
        StringBuilder out = new StringBuilder(template.length() + 16 * args.length);
        int next = 0;
        int length = template.length();
        int from = 0;
        for (int i = template.indexOf('%'); i >= 0; i = template.indexOf('%', from)) {
            if (i + 1 >= length) {
                return String.format(template, args);
            }
            out.append(template, from, i);
            char conversion = template.charAt(i + 1);
            if (conversion == '%') {
                out.append('%');
            } else if ((conversion == 's' || conversion == 'd') && next < args.length
                    && append(out, conversion, args[next])) {
                next++;
            } else {
                return String.format(template, args);
            }
            from = i + 2;
        }
        return out.append(template, from, length).toString();
    }

    /** Appends one value as {@code %s} or {@code %d} would; false when only {@code String.format} can. */
    private static boolean append(StringBuilder out, char conversion, Object value) {
        if (value == null) {
            out.append("null");
            return true;
        }
        if (conversion == 's') {
            if (value instanceof Formattable) {
                return false;
            }
            out.append(value);
            return true;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.append(((Number) value).longValue());
            return true;
        }
        if (value instanceof BigInteger) {
            out.append(value);
            return true;
        }
        return false;
    }
}
