package jipan.runs;

import java.time.LocalDate;
import java.util.List;
import jipan.api.CallList;
import jipan.db.ClassificationRunDao;
import jipan.db.ClassificationRunRow;
import jipan.reports.ReportParameterException;
import jipan.reports.Reports;
import org.jdbi.v3.core.Jdbi;

/** The call lists of classification runs: the follow-ups each run stored, filtered and paged. */
public final class CallLists {
    /** The most lines one answer carries (a CSV download asks for this many). */
    public static final int MAX_LINES = 100_000;
    private static final LocalDate NO_LIMIT = LocalDate.of(9999, 12, 31);

    private final Jdbi jdbi;

    public CallLists(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Page {@code page} (from 1) of {@code size} lines of run {@code run} (null: the latest finished), only
     * {@code kind} and {@code assignee} when given, due by {@code dueBy} when given.
     */
    public CallList page(Long run, String kind, String assignee, LocalDate dueBy, int page, int size) {
        return jdbi.withExtension(ClassificationRunDao.class, dao -> {
            long id = run != null ? run : Reports.latestDoneRun(dao);
            ClassificationRunRow found = dao.findRun(id).orElseThrow(() ->
                    ReportParameterException.unknown("run: no classification run " + id));
            String k = kind == null ? "" : kind;
            String a = assignee == null ? "" : assignee;
            LocalDate by = dueBy == null ? NO_LIMIT : dueBy;
            List<CallList.Item> items = dao.callList(id, k, a, by, size, (long) (page - 1) * size).stream()
                    .map(r -> new CallList.Item(r.customerId(), r.name(), r.phone(), r.kind(), r.subject(), r.model(),
                            r.priority(), r.due(), r.assignee(), r.reason(), r.lastVisit(), r.tier(), r.churn(),
                            r.baseGrade()))
                    .toList();
            return new CallList(id, found.asOf(), dao.callListSize(id, k, a, by), page, size, items);
        });
    }
}
