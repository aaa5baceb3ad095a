package jipan.core.facts;

import java.time.LocalDate;

/** A customer satisfaction survey answer. */
public final class Survey {
    private final LocalDate date;
    private final Integer satisfaction;
    private final Integer repurchaseIntent;
    private final Recommend recommend;

    public Survey(LocalDate date, Integer satisfaction, Integer repurchaseIntent, Recommend recommend) {
        this.date = date;
        this.satisfaction = satisfaction;
        this.repurchaseIntent = repurchaseIntent;
        this.recommend = recommend;
    }

    public LocalDate getDate() { return date; }
    public Integer getSatisfaction() { return satisfaction; }
    public Integer getRepurchaseIntent() { return repurchaseIntent; }
    public Recommend getRecommend() { return recommend; }
}
