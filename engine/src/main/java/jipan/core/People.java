package jipan.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * One definition, used by the classifier and by the benchmark's plain-Java floor alike. A customer has few tasks
 * and a few dozen records at most, so each task's person is looked up in the records themselves: most customers
 * have no task, and pay nothing.
 */
public final class People {
    private final List<Visit> visits;
    private final List<Lead> leads;

    private People(List<Visit> visits, List<Lead> leads) {
        this.visits = visits;
        this.leads = leads;
    }

    /** The people of one customer's records (as of the classification's date). */
    public static People of(CustomerFacts facts) {
        return new People(facts.visits(), facts.leads());
    }

    /** The person who does a task of this role about this subject (a VIN, a lead id, the customer), or null. */
    public String personFor(Assignee assignee, String subject) {
        if (assignee == Assignee.SERVICE_ADVISOR) {
            Visit ownOrder = null;
            Visit ofVehicle = null;
            Visit latest = null;
            for (Visit visit : visits) {
                if (visit.getAdvisor() == null || visit.getDate() == null) {
                    continue;
                }
                if (subject.equals(visit.getRoNumber())) {
                    ownOrder = visit;
                }
                if (subject.equals(visit.getVin()) && later(visit, ofVehicle)) {
                    ofVehicle = visit;
                }
                if (later(visit, latest)) {
                    latest = visit;
                }
            }
            Visit chosen = ownOrder != null ? ownOrder : ofVehicle != null ? ofVehicle : latest;
            return chosen == null ? null : chosen.getAdvisor();
        }
        if (assignee == Assignee.SALES) {
            Lead latest = null;
            for (Lead lead : leads) {
                if (lead.getConsultant() == null) {
                    continue;
                }
                if (subject.equals(lead.getLeadId())) {
                    return lead.getConsultant();
                }
                if (lead.getCreatedOn() != null && later(lead, latest)) {
                    latest = lead;
                }
            }
            return latest == null ? null : latest.getConsultant();
        }
        return null;
    }

    /** The tasks with their people, and of two tasks of the same kind about the same subject only the first. */
    public List<FollowUpResult> assign(List<FollowUpResult> sorted) {
        if (sorted.isEmpty()) {
            return sorted;
        }
        List<FollowUpResult> assigned = new ArrayList<>(sorted.size());
        for (FollowUpResult task : sorted) {
            boolean seen = false;
            for (FollowUpResult earlier : assigned) {
                seen |= earlier.kind() == task.kind() && earlier.subject().equals(task.subject());
            }
            if (!seen) {
                assigned.add(task.withPerson(personFor(task.assignee(), task.subject())));
            }
        }
        return List.copyOf(assigned);
    }

    /** The later repair order: by day, and on one day the higher number. */
    private static boolean later(Visit visit, Visit than) {
        return than == null || later(visit.getDate(), visit.getRoNumber(), than.getDate(), than.getRoNumber());
    }

    /** The later lead: by the day it was created, and on one day the higher id. */
    private static boolean later(Lead lead, Lead than) {
        return than == null || later(lead.getCreatedOn(), lead.getLeadId(), than.getCreatedOn(), than.getLeadId());
    }

    private static boolean later(LocalDate day, String number, LocalDate thanDay, String thanNumber) {
        int byDay = day.compareTo(thanDay);
        return byDay > 0 || byDay == 0 && String.valueOf(number).compareTo(String.valueOf(thanNumber)) > 0;
    }
}
