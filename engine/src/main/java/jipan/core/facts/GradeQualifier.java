package jipan.core.facts;

/** A reason the customer qualifies for a base-customer grade; the grade rules take the best one. */
public final class GradeQualifier implements Explained {
    private final BaseGrade grade;
    private final String because;

    public GradeQualifier(BaseGrade grade, String because) {
        this.grade = grade;
        this.because = because;
    }

    public BaseGrade getGrade() { return grade; }
    @Override
    public String getBecause() { return because; }
}
