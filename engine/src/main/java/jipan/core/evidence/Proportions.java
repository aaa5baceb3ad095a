package jipan.core.evidence;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The difference between two shares with its 95 % confidence interval: how much more often the listed customers
 * came back than the held-out ones, and how sure that is. The interval is the normal approximation (Wald):
 * d ± 1.96 · √(p₁(1−p₁)/n₁ + p₂(1−p₂)/n₂); it needs both groups, and is too narrow for very small ones — the report
 * shows the group sizes beside it.
 */
public record Proportions(BigDecimal difference, BigDecimal low, BigDecimal high) {
    private static final double Z95 = 1.959964;

    /** The difference {@code k1/n1 − k2/n2} and its interval, to four places; null when a group is empty. */
    public static Proportions difference(int k1, int n1, int k2, int n2) {
        if (n1 == 0 || n2 == 0) {
            return null;
        }
        double p1 = (double) k1 / n1;
        double p2 = (double) k2 / n2;
        double d = p1 - p2;
        double margin = Z95 * Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        return new Proportions(round(d), round(d - margin), round(d + margin));
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }
}
