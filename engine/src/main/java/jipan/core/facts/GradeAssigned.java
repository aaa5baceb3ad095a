package jipan.core.facts;

/** A rule's decision of the customer's base-customer grade. */
public final class GradeAssigned implements Explained {
    private final BaseGrade grade;
    private final String because;

    public GradeAssigned(BaseGrade grade, String because) {
        this.grade = grade;
        this.because = because;
    }

    public BaseGrade getGrade() { return grade; }
    @Override
    public String getBecause() { return because; }
}
