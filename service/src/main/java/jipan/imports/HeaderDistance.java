package jipan.imports;

import java.util.Locale;

/** How far a column header is from a known one: the edits (Levenshtein) between them, case ignored. */
final class HeaderDistance {
    private HeaderDistance() {
    }

    static int between(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }

    /**
     * Whether a header is close enough to a known one to suggest it: one contains the other (保修到期 in 保修到期日),
     * or at most a third of the shorter one's characters differ (a Chinese header is short: 4 characters allow 1).
     */
    static boolean near(String header, String known, int distance) {
        String x = header.toLowerCase(Locale.ROOT);
        String y = known.toLowerCase(Locale.ROOT);
        if (Math.min(x.length(), y.length()) >= 2 && (x.contains(y) || y.contains(x))) {
            return true;
        }
        return distance <= Math.max(1, Math.min(x.length(), y.length()) / 3);
    }
}
