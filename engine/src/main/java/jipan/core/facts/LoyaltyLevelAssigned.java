package jipan.core.facts;

/** A rule's decision of the customer's loyalty level. */
public final class LoyaltyLevelAssigned implements Explained {
    private final LoyaltyLevel level;
    private final String because;

    public LoyaltyLevelAssigned(LoyaltyLevel level, String because) {
        this.level = level;
        this.because = because;
    }

    public LoyaltyLevel getLevel() { return level; }
    @Override
    public String getBecause() { return because; }
}
