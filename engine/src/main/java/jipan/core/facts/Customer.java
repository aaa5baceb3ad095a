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

    public Customer(String id, String name, String phone, String region, String industry, Integer birthYear,
                    CustomerKind kind, boolean negativePublicity, boolean leadsPassedFirst) {
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
}
