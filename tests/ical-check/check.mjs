// Reads an iCalendar feed on stdin and prints what an independent parser (ical.js) makes of it:
// one JSON object per event with its UID, status, sequence and start/end in UTC.
// Used by the integration tests; exits non-zero when the feed does not parse.
import ICAL from 'ical.js';

let text = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) text += chunk;

const calendar = new ICAL.Component(ICAL.parse(text));
for (const zone of calendar.getAllSubcomponents('vtimezone')) {
  ICAL.TimezoneService.register(zone);
}
const events = calendar.getAllSubcomponents('vevent').map((component) => {
  const event = new ICAL.Event(component);
  return {
    uid: event.uid,
    summary: event.summary,
    location: event.location,
    description: event.description,
    status: component.getFirstPropertyValue('status'),
    sequence: event.sequence,
    tzid: component.getFirstProperty('dtstart').getParameter('tzid') ?? null,
    start: new Date(event.startDate.toUnixTime() * 1000).toISOString(),
    end: new Date(event.endDate.toUnixTime() * 1000).toISOString(),
  };
});
process.stdout.write(JSON.stringify({ name: calendar.getFirstPropertyValue('x-wr-calname'), events }));
