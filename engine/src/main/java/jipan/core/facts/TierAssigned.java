package jipan.core.facts;

/** A rule's decision of the customer's service tier. */
public final class TierAssigned implements Explained {
    private final Tier tier;
    private final String because;

    public TierAssigned(Tier tier, String because) {
        this.tier = tier;
        this.because = because;
    }

    public Tier getTier() { return tier; }
    @Override
    public String getBecause() { return because; }
}
