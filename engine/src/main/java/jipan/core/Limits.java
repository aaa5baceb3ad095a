package jipan.core;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * The bounds every input is checked against, one definition for the REST API, CSV imports and query
 * parameters: text no longer than the store's columns, dates between 1900 and 2100, money below 10^12 with
 * at most two decimals. Input outside them is refused naming the field, never passed on to fail later.
 */
public final class Limits {
    public static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(2100, 12, 31);
    /** Money is below this (the store keeps 12 digits before the decimal point). */
    public static final BigDecimal MAX_AMOUNT = BigDecimal.TEN.pow(12);
    public static final int AMOUNT_DECIMALS = 2;

    /** Column widths of the store, by what the text is. */
    public static final int ID = 64;
    /** A 4S store's code. */
    public static final int STORE = 20;
    public static final int NAME = 200;
    public static final int PHONE = 50;
    public static final int REGION = 100;
    public static final int INDUSTRY = 100;
    public static final int MODEL = 100;
    public static final int BRAND = 100;

    /** A satisfaction score's scale (surveys, and the satisfaction a call records). */
    public static final int SATISFACTION_MIN = 1;
    public static final int SATISFACTION_MAX = 5;

    private Limits() {
    }

    /** Null when {@code date} is within bounds, else what is wrong with it. */
    public static String dateProblem(LocalDate date) {
        return date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)
                ? "must be between " + FIRST_DATE + " and " + LAST_DATE + " (got " + date + ")" : null;
    }

    /** Null when {@code amount} is a non-negative amount the store can keep, else what is wrong with it. */
    public static String amountProblem(BigDecimal amount) {
        if (amount.signum() < 0) {
            return "must not be negative (got " + amount.toPlainString() + ")";
        }
        if (amount.compareTo(MAX_AMOUNT) >= 0) {
            return "must be below 10^12 (got " + amount + ")";
        }
        if (amount.stripTrailingZeros().scale() > AMOUNT_DECIMALS) {
            return "must have at most " + AMOUNT_DECIMALS + " decimals (got " + amount.toPlainString() + ")";
        }
        return null;
    }

    /** Null when {@code text} fits in {@code max} characters, else what is wrong with it. */
    public static String lengthProblem(String text, int max) {
        return text != null && text.length() > max
                ? "must be at most " + max + " characters (got " + text.length() + ")" : null;
    }

    /** A date YYYY-MM-DD within bounds; the message says what was expected and what came. */
    public static LocalDate parseDate(String text) {
        try {
            LocalDate date = LocalDate.parse(text);
            if (dateProblem(date) == null) {
                return date;
            }
        } catch (DateTimeParseException | NullPointerException e) {
            // reported below
        }
        throw new IllegalArgumentException("must be a date YYYY-MM-DD between " + FIRST_DATE + " and " + LAST_DATE
                + " (got " + quoted(text) + ")");
    }

    /** A month YYYY-MM within bounds. */
    public static YearMonth parseMonth(String text) {
        try {
            YearMonth month = YearMonth.parse(text);
            if (dateProblem(month.atDay(1)) == null) {
                return month;
            }
        } catch (DateTimeException | NullPointerException e) {
            // reported below
        }
        throw new IllegalArgumentException("must be a month YYYY-MM between 1900-01 and 2100-12 (got "
                + quoted(text) + ")");
    }

    private static String quoted(String text) {
        if (text == null) {
            return "nothing";
        }
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
    }
}
