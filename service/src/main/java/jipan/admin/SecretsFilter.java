package jipan.admin;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Locale;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Drops every log event that would print an API key header, at any level and from any library (Jetty's and
 * Jersey's debug logging print request headers). Only events that would be written are looked at.
 */
public final class SecretsFilter extends TurboFilter {

    /** Adds the filter to the logging in use, once. */
    public static void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(SecretsFilter.class::isInstance)) {
            SecretsFilter filter = new SecretsFilter();
            filter.setContext(context);
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        // the effective level, not isEnabledFor (which asks the turbo filters again)
        if (logger == null || level == null || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            return FilterReply.NEUTRAL;
        }
        if (mentionsKey(format)) {
            return FilterReply.DENY;
        }
        if (params != null) {
            for (Object param : params) {
                if (param != null && mentionsKey(String.valueOf(param))) {
                    return FilterReply.DENY;
                }
            }
        }
        return FilterReply.NEUTRAL;
    }

    static boolean mentionsKey(String text) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("x-api-key") || lower.contains("authorization");
    }
}
