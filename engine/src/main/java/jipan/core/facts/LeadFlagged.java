package jipan.core.facts;

/** A flag a rule sets on one lead, such as CONQUEST_SERVICE; a lead may carry several. */
public final class LeadFlagged implements Explained {
    private final String leadId;
    private final String flag;
    private final Because because;

    /** With a sentence written out in the rule (shown as it is in every language). */
    public LeadFlagged(String leadId, String flag, String because) {
        this(leadId, flag, Because.text(because));
    }

    public LeadFlagged(String leadId, String flag, Because because) {
        this.leadId = leadId;
        this.flag = flag;
        this.because = because;
    }

    public String getLeadId() { return leadId; }
    public String getFlag() { return flag; }
    @Override
    public Because getBecause() { return because; }
}
