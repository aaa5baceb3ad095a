package jipan.reports;

/** A report parameter that cannot be used, named with what is wrong ({@code month: 2031-01 is in the future}). */
public final class ReportParameterException extends RuntimeException {
    public ReportParameterException(String message) {
        super(message);
    }
}
