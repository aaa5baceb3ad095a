package jipan.reports;

/** A report parameter that cannot be used, named with what is wrong ({@code month: 2031-01 is in the future}). */
public final class ReportParameterException extends IllegalArgumentException {
    private final boolean unknown;

    public ReportParameterException(String message) {
        this(message, false);
    }

    private ReportParameterException(String message, boolean unknown) {
        super(message);
        this.unknown = unknown;
    }

    /** The parameter names something that does not exist (a run id): 404 rather than 400. */
    public static ReportParameterException unknown(String message) {
        return new ReportParameterException(message, true);
    }

    public boolean isUnknown() {
        return unknown;
    }
}
