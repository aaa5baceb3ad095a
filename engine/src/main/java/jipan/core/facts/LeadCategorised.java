package jipan.core.facts;

/**
 * A rule's category and follow-up action for one lead (war-defeat categories, STALLED). Category and
 * action are text, so an analyst can add a category with a rule alone.
 */
public final class LeadCategorised implements Explained {
    private final String leadId;
    private final String category;
    private final String action;
    private final Because because;

    /** With a sentence written out in the rule (shown as it is in every language). */
    public LeadCategorised(String leadId, String category, String action, String because) {
        this(leadId, category, action, Because.text(because));
    }

    public LeadCategorised(String leadId, String category, String action, Because because) {
        this.leadId = leadId;
        this.category = category;
        this.action = action;
        this.because = because;
    }

    public String getLeadId() { return leadId; }
    public String getCategory() { return category; }
    public String getAction() { return action; }
    @Override
    public Because getBecause() { return because; }
}
