// check_ics.mjs parses an iCalendar file with ical.js, an implementation of RFC 5545 that
// shares no code with plan, and prints its events as JSON so that the Go test
// TestICSParsesWithIcalJS can compare the dates it read with the schedule's.
//
// Usage: node check_ics.mjs FILE.ics...
// Prints {"FILE.ics": {"name": ..., "events": [...]}, ...}. Exits 1 when ical.js cannot
// parse a file or an event lacks what RFC 5545 requires.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node check_ics.mjs FILE.ics...');
  process.exit(2);
}

// X-WR-CALNAME is not in RFC 5545, so ical.js does not know it is TEXT and would leave
// its escapes in; the calendar programs that read it treat it as TEXT.
ICAL.design.defaultSet.property['x-wr-calname'] = { defaultType: 'text' };

// check parses one calendar and returns what it holds, or the problems found.
function check(file) {
  let cal;
  try {
    cal = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
  } catch (e) {
    return { problems: [`ical.js cannot parse it: ${e.message}`] };
  }

  const problems = [];
  if (cal.name !== 'vcalendar') {
    problems.push(`the top-level component is ${cal.name}, not VCALENDAR`);
  }
  if (cal.getFirstPropertyValue('version') !== '2.0') {
    problems.push('VCALENDAR lacks VERSION:2.0');
  }
  if (!cal.getFirstPropertyValue('prodid')) {
    problems.push('VCALENDAR lacks PRODID');
  }

  const seen = new Set();
  const events = cal.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    for (const prop of ['uid', 'dtstamp', 'dtstart', 'dtend', 'summary']) {
      if (!vevent.hasProperty(prop)) {
        problems.push(`event ${event.uid}: lacks ${prop.toUpperCase()}`);
      }
    }
    if (seen.has(event.uid)) {
      problems.push(`UID ${event.uid} is used by more than one event`);
    }
    seen.add(event.uid);
    if (event.startDate && event.endDate) {
      if (!event.startDate.isDate || !event.endDate.isDate) {
        problems.push(`event ${event.uid}: not an all-day event`);
      }
      if (event.endDate.compare(event.startDate) <= 0) {
        problems.push(`event ${event.uid}: DTEND is not after DTSTART`);
      }
    }
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate ? event.startDate.toString() : null,
      end: event.endDate ? event.endDate.toString() : null,
    };
  });
  return { problems, result: { name: cal.getFirstPropertyValue('x-wr-calname'), events } };
}

const results = {};
let failed = false;
for (const file of files) {
  const { problems, result } = check(file);
  for (const p of problems) console.error(`${file}: ${p}`);
  failed ||= problems.length > 0;
  results[file] = result;
}
if (failed) process.exit(1);
process.stdout.write(JSON.stringify(results, null, 2) + '\n');
