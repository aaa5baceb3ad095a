package jipan.core.facts;

/** The loyalty score 0–10 and its four parts, added up by a rule from the customer's loyalty points. */
public final class LoyaltyScore implements Explained {
    private final int satisfaction;
    private final int maintenance;
    private final int activity;
    private final int advocacy;

    public LoyaltyScore(int satisfaction, int maintenance, int activity, int advocacy) {
        this.satisfaction = satisfaction;
        this.maintenance = maintenance;
        this.activity = activity;
        this.advocacy = advocacy;
    }

    public int getScore() { return satisfaction + maintenance + activity + advocacy; }
    public int getSatisfaction() { return satisfaction; }
    public int getMaintenance() { return maintenance; }
    public int getActivity() { return activity; }
    public int getAdvocacy() { return advocacy; }

    @Override
    public Because getBecause() { // the sentences are the inserting rule's ("Loyalty score", loyalty.drl)
        return Because.of(getScore(), satisfaction, maintenance, activity, advocacy);
    }
}
