package jipan.core.facts;

import java.time.LocalDate;

/** A sales opportunity. */
public final class Lead {
    private final String leadId;
    private final String model;
    private final LocalDate createdOn;
    private final LocalDate closedOn;
    private final LeadStatus status;
    private final DefeatReason defeatReason;
    private final String competitorBrand;
    private final String competitorModel;
    private final int followUps;
    private final LocalDate lastFollowUp;
    private final String consultant;

    public Lead(String leadId, String model, LocalDate createdOn, LocalDate closedOn, LeadStatus status,
                DefeatReason defeatReason, String competitorBrand, String competitorModel,
                int followUps, LocalDate lastFollowUp) {
        this(leadId, model, createdOn, closedOn, status, defeatReason, competitorBrand, competitorModel, followUps,
                lastFollowUp, null);
    }

    /** @param consultant the sales consultant who has the lead (销售顾问), or null */
    public Lead(String leadId, String model, LocalDate createdOn, LocalDate closedOn, LeadStatus status,
                DefeatReason defeatReason, String competitorBrand, String competitorModel,
                int followUps, LocalDate lastFollowUp, String consultant) {
        this.leadId = leadId;
        this.model = model;
        this.createdOn = createdOn;
        this.closedOn = closedOn;
        this.status = status;
        this.defeatReason = defeatReason;
        this.competitorBrand = competitorBrand;
        this.competitorModel = competitorModel;
        this.followUps = followUps;
        this.lastFollowUp = lastFollowUp;
        this.consultant = consultant;
    }

    public String getLeadId() { return leadId; }
    public String getModel() { return model; }
    public LocalDate getCreatedOn() { return createdOn; }
    public LocalDate getClosedOn() { return closedOn; }
    public LeadStatus getStatus() { return status; }
    public DefeatReason getDefeatReason() { return defeatReason; }
    public String getCompetitorBrand() { return competitorBrand; }
    public String getCompetitorModel() { return competitorModel; }
    public int getFollowUps() { return followUps; }
    public LocalDate getLastFollowUp() { return lastFollowUp; }
    public String getConsultant() { return consultant; }
}
