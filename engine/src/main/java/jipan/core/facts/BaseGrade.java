package jipan.core.facts;

/** Base-customer grade 优质 / 潜力 / 一般 (SPEC 3.4). */
public enum BaseGrade {
    PREMIUM, POTENTIAL, GENERAL
}
