package jipan.core;

import java.util.List;

/**
 * One lead's category, follow-up action and flags; category and action are null for leads no rule categorised.
 * {@code rule} is the rule that categorised it: its {@code @action_zh} gives the action in Chinese
 * ({@link RuleTexts#action}).
 */
public record LeadResult(String leadId, String category, String action, List<String> flags, String rule) {
    /** The same lead with its action in a language (as the rule wrote it when it gives none in that language). */
    public LeadResult in(RuleTexts texts, Lang lang) {
        String translated = rule == null || action == null ? null : texts.action(rule, lang);
        return translated == null ? this : new LeadResult(leadId, category, translated, flags, rule);
    }
}
