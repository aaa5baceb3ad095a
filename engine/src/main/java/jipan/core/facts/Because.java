package jipan.core.facts;

import java.math.BigInteger;
import java.util.Formattable;

/**
 * Writes a reason sentence from a template, like {@code String.format}, several times faster for the templates
 * reasons use: {@code %s} (any value; {@code null} is written {@code null}), {@code %d} (a whole number in plain
 * ASCII digits, no grouping, whatever the machine's locale) and {@code %%}. Any other conversion, a flag, a width or a precision ({@code %.1f},
 * {@code %,d}, {@code %1$s} …) makes the whole template go to {@code String.format}, so a template gives the
 * same sentence either way (on a machine whose locale writes ASCII digits) — and the same error for a value that does not fit its conversion.
 *
 * <p>Rules write {@code Because.format( "%d customer-pay visits (A from %d) → A", $visits, $a )}: the engine
 * records every reason of every customer, so their formatting is a large part of a classification's cost.
 */
public final class Because {
    private Because() {
    }

    public static String format(String template, Object... args) {
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
