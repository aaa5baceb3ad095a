package jipan.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jipan.core.Limits;

/**
 * One parameter of a report: its name on the REST query ({@code ?asOf=}) and on the command line
 * ({@code --as-of}), what kind of value it takes, whether it is required, and a line of help in English and
 * Chinese.
 */
public record ReportParameter(String name, Kind kind, boolean required, String help, String helpZh,
                              List<String> choices, String defaultValue) {

    /** What a parameter's value is. */
    public enum Kind {
        /** {@code YYYY-MM-DD} within the service's date bounds. */
        DATE("YYYY-MM-DD"),
        /** {@code YYYY-MM}. */
        MONTH("YYYY-MM"),
        /** The id of a classification run. */
        RUN("ID"),
        /** One of {@link ReportParameter#choices()}. */
        CHOICE("NAME"),
        /** Text of at most {@link ReportParameter#MAX_TEXT} characters: a group's value, such as a region. */
        TEXT("TEXT");

        private final String metavar;

        Kind(String metavar) {
            this.metavar = metavar;
        }

        public String metavar() {
            return metavar;
        }
    }

    public static ReportParameter date(String name, String help, String helpZh) {
        return new ReportParameter(name, Kind.DATE, true, help, helpZh, List.of(), null);
    }

    public static ReportParameter month(String name, String help, String helpZh) {
        return new ReportParameter(name, Kind.MONTH, true, help, helpZh, List.of(), null);
    }

    public static ReportParameter run(String name, boolean required, String help, String helpZh) {
        return new ReportParameter(name, Kind.RUN, required, help, helpZh, List.of(), null);
    }

    /** The longest text a TEXT parameter takes: a region's (or an industry's) width in the store. */
    public static final int MAX_TEXT = Math.max(Limits.REGION, Limits.INDUSTRY);

    /** Optional text; left out, it is the empty value (a group of the customers that have none). */
    public static ReportParameter text(String name, String help, String helpZh) {
        return new ReportParameter(name, Kind.TEXT, false, help, helpZh, List.of(), "");
    }

    public static ReportParameter choice(String name, List<String> choices, String defaultValue, String help,
                                         String helpZh) {
        return new ReportParameter(name, Kind.CHOICE, false, help, helpZh, choices, defaultValue);
    }

    /** The command-line spelling: {@code asOf} → {@code --as-of}. */
    public String flag() {
        return "--" + name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /**
     * The value of {@code text} (null or blank when not given), or a {@link ReportParameterException} that names
     * the parameter as {@code label} ({@code asOf} on REST, {@code --as-of} on the command line).
     */
    Object parse(String text, String label) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new ReportParameterException(label + ": is required (" + kind.metavar() + ")");
            }
            return defaultValue;
        }
        try {
            return switch (kind) {
                case DATE -> Limits.parseDate(text);
                case MONTH -> Limits.parseMonth(text);
                case RUN -> parseRun(text);
                case CHOICE -> {
                    if (!choices.contains(text)) {
                        throw new IllegalArgumentException("must be one of " + String.join(", ", choices) + " (got '"
                                + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "')");
                    }
                    yield text;
                }
                case TEXT -> {
                    String tooLong = Limits.lengthProblem(text, MAX_TEXT);
                    if (tooLong != null) {
                        throw new IllegalArgumentException(tooLong);
                    }
                    yield text;
                }
            };
        } catch (IllegalArgumentException e) {
            throw new ReportParameterException(label + ": " + e.getMessage());
        }
    }

    private static Long parseRun(String text) {
        try {
            long id = Long.parseLong(text.trim());
            if (id < 1) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be the id of a classification run, a positive number (got '"
                    + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "')");
        }
    }

    /** The values of a report's parameters, read and checked. */
    public record Arguments(Map<String, Object> values) {
        public LocalDate date(String name) {
            return (LocalDate) values.get(name);
        }

        public YearMonth month(String name) {
            return (YearMonth) values.get(name);
        }

        public Long run(String name) {
            return (Long) values.get(name);
        }

        public String choice(String name) {
            return (String) values.get(name);
        }

        public String text(String name) {
            return (String) values.get(name);
        }
    }
}
