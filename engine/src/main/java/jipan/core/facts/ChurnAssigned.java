package jipan.core.facts;

/** A rule's decision of the customer's churn status. */
public final class ChurnAssigned implements Explained {
    private final Churn churn;
    private final Because because;

    /** With a sentence written out in the rule (shown as it is in every language). */
    public ChurnAssigned(Churn churn, String because) {
        this(churn, Because.text(because));
    }

    public ChurnAssigned(Churn churn, Because because) {
        this.churn = churn;
        this.because = because;
    }

    public Churn getChurn() { return churn; }
    @Override
    public Because getBecause() { return because; }
}
