package jipan.core;

import java.util.List;

/** One lead's category, follow-up action and flags; category and action are null for leads no rule categorised. */
public record LeadResult(String leadId, String category, String action, List<String> flags) {
}
