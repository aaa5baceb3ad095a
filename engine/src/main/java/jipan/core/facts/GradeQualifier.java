package jipan.core.facts;

/** A reason the customer qualifies for a base-customer grade; the grade rules take the best one. */
public final class GradeQualifier implements Explained {
    private final BaseGrade grade;
    private final Because because;

    /** With a sentence written out in the rule (shown as it is in every language). */
    public GradeQualifier(BaseGrade grade, String because) {
        this(grade, Because.text(because));
    }

    public GradeQualifier(BaseGrade grade, Because because) {
        this.grade = grade;
        this.because = because;
    }

    public BaseGrade getGrade() { return grade; }
    @Override
    public Because getBecause() { return because; }
}
