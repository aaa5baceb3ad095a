package jipan.core.facts;

/** A rule's decision of the customer's base-customer grade. */
public final class GradeAssigned implements Explained {
    private final BaseGrade grade;
    private final Because because;

    /** With a sentence written out in the rule (shown as it is in every language). */
    public GradeAssigned(BaseGrade grade, String because) {
        this(grade, Because.text(because));
    }

    public GradeAssigned(BaseGrade grade, Because because) {
        this.grade = grade;
        this.because = because;
    }

    public BaseGrade getGrade() { return grade; }
    @Override
    public Because getBecause() { return because; }
}
