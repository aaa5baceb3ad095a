package jipan.core;

import java.util.Locale;

/**
 * The languages jipan speaks: Chinese, its users' language, and English. Every sentence a user reads — a rule's
 * reason, its display name, a task, an error — exists in both; a reader asks for one with {@code lang=zh} /
 * {@code lang=en} or {@code Accept-Language}. The REST API answers in English unless asked (integrations see no
 * change); the console asks for the language it shows.
 */
public enum Lang {
    EN("en"), ZH("zh");

    private final String code;

    Lang(String code) {
        this.code = code;
    }

    /** {@code en} or {@code zh}: the code in {@code lang=}, in rule metadata ({@code @en}, {@code @zh}) and in files. */
    public String code() {
        return code;
    }

    /** The other language: the one a sentence written in a single language is shown in as well. */
    public Lang other() {
        return this == EN ? ZH : EN;
    }

    /** {@code zh}, {@code zh-CN}, {@code zh_Hans}, {@code en}, {@code en-US} …; null for anything else. */
    public static Lang of(String code) {
        if (code == null) {
            return null;
        }
        String lower = code.strip().toLowerCase(Locale.ROOT);
        for (Lang lang : values()) {
            if (lower.equals(lang.code) || lower.startsWith(lang.code + "-") || lower.startsWith(lang.code + "_")) {
                return lang;
            }
        }
        return null;
    }

    /**
     * The language a request asks for: {@code lang} when it names one, else the first language of
     * {@code Accept-Language} (in the order of its weights) that jipan speaks, else {@code fallback}.
     */
    public static Lang choose(String lang, String acceptLanguage, Lang fallback) {
        Lang asked = of(lang);
        if (asked != null) {
            return asked;
        }
        if (acceptLanguage != null && acceptLanguage.length() <= 1_000) {
            Lang best = null;
            double bestWeight = 0;
            for (String part : acceptLanguage.split(",")) {
                String[] pieces = part.split(";");
                Lang candidate = of(pieces[0]);
                double weight = 1;
                for (int i = 1; i < pieces.length; i++) {
                    String piece = pieces[i].strip();
                    if (piece.startsWith("q=")) {
                        try {
                            weight = Double.parseDouble(piece.substring(2));
                        } catch (NumberFormatException e) {
                            weight = 0;
                        }
                    }
                }
                if (candidate != null && weight > bestWeight) {
                    best = candidate;
                    bestWeight = weight;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return fallback;
    }
}
