package jipan.core;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jipan.core.facts.Assignee;
import jipan.core.facts.Lead;
import jipan.core.facts.Visit;

/**
 * Who at the dealership does a task: the rules name the role ({@link Assignee}); the person is the one of that role
 * who knows the customer, found in the customer's own records —
 * <ul>
 *   <li>a service advisor's task: the advisor (服务顾问 / 接待人) of the task's repair order (a call back after a
 *       visit), else of the latest repair order of the task's vehicle, else of the customer's latest repair order
 *       that names one;</li>
 *   <li>a sales task: the consultant (销售顾问) of the task's lead, else of the customer's latest lead that names
 *       one;</li>
 *   <li>a manager's task, or nobody found: no person, and the task stays with the role.</li>
 * </ul>
 * One definition, used by the classifier and by the benchmark's plain-Java floor alike.
 */
public final class People {
    private final Map<String, String> advisorByRo = new LinkedHashMap<>();
    private final Map<String, String> advisorByVin = new LinkedHashMap<>();
    private final Map<String, String> consultantByLead = new LinkedHashMap<>();
    private final String latestAdvisor;
    private final String latestConsultant;

    private People(Collection<Visit> visits, Collection<Lead> leads) {
        Map<String, LocalDate> vinDay = new LinkedHashMap<>();
        Map<String, String> vinRo = new LinkedHashMap<>();
        String advisor = null;
        LocalDate advisorDay = null;
        String advisorRo = null;
        for (Visit visit : visits) {
            if (visit.getAdvisor() == null || visit.getDate() == null) {
                continue;
            }
            advisorByRo.put(visit.getRoNumber(), visit.getAdvisor());
            if (later(visit.getDate(), visit.getRoNumber(), vinDay.get(visit.getVin()), vinRo.get(visit.getVin()))) {
                vinDay.put(visit.getVin(), visit.getDate());
                vinRo.put(visit.getVin(), visit.getRoNumber());
                advisorByVin.put(visit.getVin(), visit.getAdvisor());
            }
            if (later(visit.getDate(), visit.getRoNumber(), advisorDay, advisorRo)) {
                advisorDay = visit.getDate();
                advisorRo = visit.getRoNumber();
                advisor = visit.getAdvisor();
            }
        }
        this.latestAdvisor = advisor;
        String consultant = null;
        LocalDate consultantDay = null;
        String consultantLead = null;
        for (Lead lead : leads) {
            if (lead.getConsultant() == null) {
                continue;
            }
            consultantByLead.put(lead.getLeadId(), lead.getConsultant());
            if (lead.getCreatedOn() != null
                    && later(lead.getCreatedOn(), lead.getLeadId(), consultantDay, consultantLead)) {
                consultantDay = lead.getCreatedOn();
                consultantLead = lead.getLeadId();
                consultant = lead.getConsultant();
            }
        }
        this.latestConsultant = consultant;
    }

    /** The people of one customer's records (as of the classification's date). */
    public static People of(CustomerFacts facts) {
        return new People(facts.visits(), facts.leads());
    }

    /** The person who does a task of this role about this subject (a VIN, a lead id, the customer), or null. */
    public String personFor(Assignee assignee, String subject) {
        if (assignee == Assignee.SERVICE_ADVISOR) {
            String own = advisorByRo.get(subject);
            if (own == null) {
                own = advisorByVin.get(subject);
            }
            return own != null ? own : latestAdvisor;
        }
        if (assignee == Assignee.SALES) {
            String own = consultantByLead.get(subject);
            return own != null ? own : latestConsultant;
        }
        return null;
    }

    /** The tasks with their people, and of two tasks of the same kind about the same subject only the first. */
    public List<FollowUpResult> assign(List<FollowUpResult> sorted) {
        Map<String, FollowUpResult> distinct = new LinkedHashMap<>();
        for (FollowUpResult task : sorted) {
            distinct.putIfAbsent(task.kind() + "\u0000" + task.subject(),
                    task.withPerson(personFor(task.assignee(), task.subject())));
        }
        return List.copyOf(distinct.values());
    }

    /** Day and number: is (day, number) later than (latestDay, latestNumber)? The higher number wins a day. */
    private static boolean later(LocalDate day, String number, LocalDate latestDay, String latestNumber) {
        if (latestDay == null) {
            return true;
        }
        int byDay = day.compareTo(latestDay);
        return byDay > 0 || byDay == 0 && String.valueOf(number).compareTo(String.valueOf(latestNumber)) > 0;
    }
}
