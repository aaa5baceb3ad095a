package jipan.core.facts;

/** The customer's own attributes. Its vehicles, visits, leads and signals are separate facts in the same session. */
public final class Customer {
    private final String id;
    private final String name;
    private final String phone;
    private final String region;
    private final String industry;
    private final Integer birthYear;
    private final CustomerKind kind;
    private final boolean negativePublicity;
    private final boolean leadsPassedFirst;
    private final String store;

    public Customer(String id, String name, String phone, String region, String industry, Integer birthYear,
                    CustomerKind kind, boolean negativePublicity, boolean leadsPassedFirst) {
        this(id, name, phone, region, industry, birthYear, kind, negativePublicity, leadsPassedFirst, null);
    }

    /** A customer of one 4S store of a group ({@code store}: its code; null where the sender named none). */
    public Customer(String id, String name, String phone, String region, String industry, Integer birthYear,
                    CustomerKind kind, boolean negativePublicity, boolean leadsPassedFirst, String store) {
        this.store = store;
        this.id = id;
        this.name = name;
        this.phone = phone;
        this.region = region;
        this.industry = industry;
        this.birthYear = birthYear;
        this.kind = kind;
        this.negativePublicity = negativePublicity;
        this.leadsPassedFirst = leadsPassedFirst;
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public String getPhone() { return phone; }
    public String getRegion() { return region; }
    public String getIndustry() { return industry; }
    public Integer getBirthYear() { return birthYear; }
    public CustomerKind getKind() { return kind; }
    public boolean isNegativePublicity() { return negativePublicity; }
    public boolean isLeadsPassedFirst() { return leadsPassedFirst; }
    /** The code of the 4S store this customer is a customer of (a person of two stores is two customers). */
    public String getStore() { return store; }

    /** The same customer, of {@code store}. */
    public Customer inStore(String store) {
        return new Customer(id, name, phone, region, industry, birthYear, kind, negativePublicity, leadsPassedFirst,
                store);
    }
}
