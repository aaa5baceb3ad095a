package jipan.core.facts;

/**
 * A fact a rule inserts together with the sentence that explains it. The engine records that sentence,
 * with the name of the rule that inserted the fact, among the answer's reasons.
 */
public interface Explained {
    String getBecause();
}
