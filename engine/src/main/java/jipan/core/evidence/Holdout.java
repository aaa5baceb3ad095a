package jipan.core.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.Map;
import jipan.core.facts.FollowUpKind;

/**
 * Which tasks the call lists hold out: a share of each kind, chosen by a hash of the customer and the kind, so the
 * same customer is held out of the same kind in every run and on every instance, and the held-out customers are
 * like the listed ones in every other way. The rules still decide the task and the run stores it, marked held out:
 * what the held-out customers did shows what the listed ones would have done without the call.
 */
public final class Holdout {
    /** Nothing held out: every task is listed. */
    public static final Holdout NONE = new Holdout(0, Map.of());
    private static final int BASIS_POINTS = 10_000;

    private final int defaultPercent;
    private final Map<FollowUpKind, Integer> percentByKind;

    /** {@code defaultPercent} of every kind held out, except the kinds {@code percentByKind} names (0–100 each). */
    public Holdout(int defaultPercent, Map<FollowUpKind, Integer> percentByKind) {
        check("holdoutPercent", defaultPercent);
        percentByKind.forEach((kind, percent) -> check("holdoutPercentByKind." + kind, percent));
        this.defaultPercent = defaultPercent;
        this.percentByKind = percentByKind.isEmpty() ? Map.of() : new EnumMap<>(percentByKind);
    }

    private static void check(String name, Integer percent) {
        if (percent == null || percent < 0 || percent > 100) {
            throw new IllegalArgumentException(name + ": must be 0 to 100 (%), not " + percent);
        }
    }

    /** The share of {@code kind} held out, in %. */
    public int percentOf(FollowUpKind kind) {
        return percentByKind.getOrDefault(kind, defaultPercent);
    }

    /** Whether {@code customerId}'s tasks of {@code kind} are held out of the call lists. */
    public boolean heldOut(String customerId, FollowUpKind kind) {
        int percent = percentOf(kind);
        return percent > 0 && (percent >= 100 || position(customerId, kind) < percent * (BASIS_POINTS / 100));
    }

    /**
     * Where a customer and kind fall in 0–9,999: from SHA-256 of {@code customerId + '|' + kind}, the same on every
     * machine and in every release (a change of this function would move customers between the groups).
     */
    static int position(String customerId, FollowUpKind kind) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((customerId + "|" + kind.name()).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (hash[i] & 0xFF);
            }
            return (int) Long.remainderUnsigned(value, BASIS_POINTS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
