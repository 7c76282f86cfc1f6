package org.qiao.talentdemand.rest;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.qiao.kit.problem.ProblemException;
import org.qiao.talentdemand.domain.Division;
import org.qiao.talentdemand.domain.Interview;
import org.qiao.talentdemand.domain.InterviewSlot;
import org.qiao.talentdemand.domain.InterviewStatus;
import org.qiao.talentdemand.service.ApplicationService.InterviewContext;

/**
 * An interview as an iCalendar file (RFC 5545), written by ical4j: one event at the chosen slot, in
 * UTC. The UID is stable and SEQUENCE is the interview's version, so a calendar that imported it
 * updates or (METHOD:CANCEL, STATUS:CANCELLED) removes the same entry.
 */
final class InterviewCalendar {

  static final String MEDIA_TYPE = "text/calendar";

  private InterviewCalendar() {}

  static String of(InterviewContext c) {
    Interview i = c.interview();
    InterviewSlot slot = i.chosen();
    if (slot == null) {
      throw new ProblemException(
          409,
          "interview-not-scheduled",
          "Conflict",
          "The interview is " + i.status + ": it has no time until the student picks a slot",
          java.util.List.of());
    }
    boolean cancelled = i.status == InterviewStatus.CANCELLED;
    VEvent event = new VEvent(slot.startsAt(), slot.endsAt(), "面试 Interview: " + c.demandTitle());
    event.add(new Uid(i.id + "@interviews.qiao"));
    event.add(new DtStamp(i.updatedAt));
    event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, i.version)));
    event.add(cancelled ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
    event.add(new Location(place(i)));
    event.add(
        new Description(
            c.enterpriseName() + (i.note == null || i.note.isBlank() ? "" : "\n" + i.note)));
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//Qiao//Interviews//ZH"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.PUBLISH);
    calendar.add(event);
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter().output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ValidationException e) {
      throw new IllegalStateException("ical4j refused the interview's calendar", e);
    }
    return out.toString();
  }

  private static String place(Interview i) {
    if (i.mode == Interview.Mode.ONLINE) {
      return "Online 线上";
    }
    String city = Division.city(i.divisionCode);
    String province = Division.province(i.divisionCode);
    String name = city != null ? city : province != null ? province : "";
    return (name + " " + i.divisionCode).strip();
  }
}
