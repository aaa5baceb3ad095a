package jipan.core.facts;

/** A rule's decision of the customer's churn status. */
public final class ChurnAssigned implements Explained {
    private final Churn churn;
    private final String because;

    public ChurnAssigned(Churn churn, String because) {
        this.churn = churn;
        this.because = because;
    }

    public Churn getChurn() { return churn; }
    @Override
    public String getBecause() { return because; }
}
