package jipan.core.facts;

/** A flag a rule sets on one lead, such as CONQUEST_SERVICE; a lead may carry several. */
public final class LeadFlagged implements Explained {
    private final String leadId;
    private final String flag;
    private final String because;

    public LeadFlagged(String leadId, String flag, String because) {
        this.leadId = leadId;
        this.flag = flag;
        this.because = because;
    }

    public String getLeadId() { return leadId; }
    public String getFlag() { return flag; }
    @Override
    public String getBecause() { return because; }
}
