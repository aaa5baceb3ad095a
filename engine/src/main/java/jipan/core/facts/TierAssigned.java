package jipan.core.facts;

/** A rule's decision of the customer's service tier. */
public final class TierAssigned implements Explained {
    private final Tier tier;
    private final Because because;

    /** With a sentence written out in the rule (shown as it is in every language). */
    public TierAssigned(Tier tier, String because) {
        this(tier, Because.text(because));
    }

    public TierAssigned(Tier tier, Because because) {
        this.tier = tier;
        this.because = because;
    }

    public Tier getTier() { return tier; }
    @Override
    public Because getBecause() { return because; }
}
