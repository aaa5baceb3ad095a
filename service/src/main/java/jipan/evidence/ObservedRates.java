package jipan.evidence;

import java.math.RoundingMode;
import java.util.Optional;
import jipan.api.ObservedRate;
import jipan.core.Labels;
import jipan.core.Lang;
import jipan.core.evidence.Backtest;
import jipan.db.EvidenceDao;
import org.jdbi.v3.core.Jdbi;

/**
 * The observed return rates shown beside answers (docs/domain.md §6.2): the live rule set's latest backtest (else
 * the latest of any) gives each tier and churn state the share of its customers who came back within the horizon.
 */
public final class ObservedRates {
    private final Jdbi jdbi;

    public ObservedRates(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The backtest the rates of {@code version} come from, if any was run. */
    public Optional<EvidenceDao.BacktestRow> source(String version) {
        return jdbi.withExtension(EvidenceDao.class, dao -> dao.observedSource(version));
    }

    /** The rate of customers in {@code tier} and {@code churn} (null: none decided) for rule set {@code version}. */
    public Optional<ObservedRate> of(String version, Enum<?> tier, Enum<?> churn, Lang lang) {
        return jdbi.withExtension(EvidenceDao.class, dao -> dao.observedSource(version).flatMap(source ->
                dao.cell(source.id(), Backtest.name(tier), Backtest.name(churn)).map(cell -> new ObservedRate(source.id(),
                        source.asOf(), source.horizonMonths(), cell.tier(), cell.churn(), cell.customers(),
                        cell.share(), text(source, cell, lang)))));
    }

    /** "同类客户（C 类、流失预警）6 个月内回厂率 38 %（回测 #3：2012-03-30 起，1,234 位）" and its English. */
    static String text(EvidenceDao.BacktestRow source, EvidenceDao.CellRow cell, Lang lang) {
        String percent = cell.share() == null ? "—"
                : cell.share().movePointRight(2).setScale(0, RoundingMode.HALF_UP).toPlainString() + " %";
        String tier = Labels.label(cell.tier(), lang);
        String churn = Labels.label(cell.churn(), lang);
        return lang == Lang.ZH
                ? String.format("同类客户（%s、%s）%d 个月内回厂率 %s（回测 #%d：%s 起，%,d 位客户）", tier, churn,
                        source.horizonMonths(), percent, source.id(), source.asOf(), cell.customers())
                : String.format("Customers like this (%s, %s): %s came back within %d months (backtest #%d from %s, "
                        + "%,d customers)", tier, churn, percent, source.horizonMonths(), source.id(), source.asOf(),
                        cell.customers());
    }
}
