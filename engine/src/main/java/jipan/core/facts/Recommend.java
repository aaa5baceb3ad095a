package jipan.core.facts;

/** A survey's answer to 'would you recommend us'. */
public enum Recommend {
    VERY_LIKELY, LIKELY, UNLIKELY
}
