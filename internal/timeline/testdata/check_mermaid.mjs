// check_mermaid.mjs parses a Mermaid gantt diagram with Mermaid itself (the npm package
// GitHub's renderer is built on) and prints the tasks Mermaid understood as JSON, so that
// the Go test TestMermaidParses can check that every phase and milestone arrived with
// its own id, text and dates, not merely that the text parses.
//
// Usage: TZ=UTC node check_mermaid.mjs FILE.mmd...
// Prints {"FILE.mmd": {"title": ..., "tasks": [...]}, ...}. Exits 1 when Mermaid rejects
// a diagram or a task has an invalid date. Several files share one start of Mermaid,
// which is the slow part.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

// Mermaid sanitises labels with DOMPurify, which needs a window even just to parse.
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
// Keep stdout for the JSON: Mermaid's logger writes with console.log.
console.log = console.error;
console.info = console.error;
console.debug = console.error;

const { default: mermaid } = await import('mermaid');

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node check_mermaid.mjs FILE.mmd...');
  process.exit(2);
}
mermaid.initialize({ startOnLoad: false, logLevel: 'fatal' });

const day = (d) => {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) return null;
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

// check parses one diagram and returns the tasks Mermaid read, or the problems found.
async function check(file) {
  const text = readFileSync(file, 'utf8');
  let diagram;
  try {
    const parsed = await mermaid.parse(text);
    if (parsed.diagramType !== 'gantt') {
      throw new Error(`it is a ${parsed.diagramType} diagram, not gantt`);
    }
    diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  } catch (e) {
    return { problems: [`Mermaid rejects it: ${e.message}`] };
  }
  const db = diagram.db;
  const problems = [];
  const tasks = db.getTasks().map((t) => {
    const task = {
      id: t.id,
      text: t.task.trim(),
      section: t.section,
      start: day(t.startTime),
      // Mermaid keeps the instant the task ends; with inclusiveEndDates that is the start
      // of the day after the last day, so this is the exclusive end, as in iCalendar.
      end_exclusive: day(t.endTime),
      milestone: Boolean(t.milestone),
      crit: Boolean(t.crit),
    };
    if (task.start === null || task.end_exclusive === null) {
      problems.push(`task ${t.id}: invalid date`);
    }
    return task;
  });
  return {
    problems,
    result: { title: db.getDiagramTitle(), inclusive_end_dates: db.endDatesAreInclusive(), tasks },
  };
}

const results = {};
let failed = false;
for (const file of files) {
  const { problems, result } = await check(file);
  for (const p of problems) console.error(`${file}: ${p}`);
  failed ||= problems.length > 0;
  results[file] = result;
}
if (failed) process.exit(1);
process.stdout.write(JSON.stringify(results, null, 2) + '\n');
