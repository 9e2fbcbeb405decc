'use strict';

/** How many failed requests the summary lists; the rest are counted, not shown. */
const MAX_ERROR_ROWS = 20;

/** Which of the kit's routes a stub path belongs to (paths with and without /v1 alike). */
const ROUTES = [
  [/^\/embeddings$/, 'internal (EMBEDDINGS)'],
  [/^\/chat\/completions$/, 'public (LLM)'],
  [/^\/responses$/, 'public (CODEX)'],
  [/^\/completions$/, 'public (completions)'],
  [/^\/models$/, 'model list'],
  [/^\/health\//, 'health'],
  [/^\/key\//, 'key admin'],
];

function routeOf(path) {
  const bare = String(path).replace(/^\/v1(?=\/)/, '');
  const found = ROUTES.find(([pattern]) => pattern.test(bare));
  return found ? found[1] : '';
}

/**
 * Turns the stub's `/__stub/stats` and `/__stub/journal` answers into the rows of the job summary.
 * Only what the journal holds is shown: its keys are already masked by the stub, and request bodies
 * and headers are left out on purpose.
 */
function summarize(stats, journal) {
  const entries = Array.isArray(journal?.entries) ? journal.entries : [];
  const byPath = Object.entries(stats?.byPath ?? {})
    .map(([path, count]) => ({ path, route: routeOf(path), count: Number(count) }))
    .sort((a, b) => b.count - a.count || a.path.localeCompare(b.path));
  const byStatus = Object.entries(stats?.byStatus ?? {})
    .map(([status, count]) => ({ status, count: Number(count) }))
    .sort((a, b) => a.status.localeCompare(b.status));
  const failed = entries.filter((entry) => Number(entry.status) >= 400);
  return {
    requests: Number(stats?.requests ?? entries.length),
    errors: Number(stats?.errors ?? failed.length),
    byPath,
    byStatus,
    errorRows: failed.slice(-MAX_ERROR_ROWS).map((entry) => ({
      seq: entry.seq,
      method: entry.method ?? '',
      path: entry.path ?? '',
      status: entry.status,
      model: entry.model ?? '',
      key: entry.key ?? '',
    })),
    errorsNotShown: Math.max(0, failed.length - MAX_ERROR_ROWS),
    journalCapacity: journal?.capacity,
    journalDropped: Number(journal?.dropped ?? 0),
  };
}

/** Summary cells are HTML: request paths come from clients and must not inject markup. */
function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const header = (...titles) => titles.map((data) => ({ data, header: true }));

/**
 * Writes the job summary with `core.summary`.
 *
 * @param {import('@actions/core').summary} summary the runner's summary builder
 * @param {{mode: string, baseUrl: string, stopped: string, report?: ReturnType<typeof summarize>, problem?: string}} facts
 */
async function writeSummary(summary, facts) {
  summary.addHeading('Gateway stub', 2);
  const where = `${escapeHtml(facts.mode)} mode at <code>${escapeHtml(facts.baseUrl)}</code>`;
  const report = facts.report;
  if (!report) {
    summary.addRaw(`<p>${where}. ${escapeHtml(facts.problem ?? 'No traffic report is available.')} ` +
      `Stub process: ${escapeHtml(facts.stopped)}.</p>`, true);
    await summary.write();
    return;
  }
  summary.addRaw(`<p>${where}: ${report.requests} requests, ${report.errors} errors. ` +
    `Stub process: ${escapeHtml(facts.stopped)}.</p>`, true);

  summary.addHeading('Requests by path', 3);
  if (report.byPath.length === 0) {
    summary.addRaw('<p>No requests reached the stub.</p>', true);
  } else {
    summary.addTable([
      header('Path', 'Route', 'Requests'),
      ...report.byPath.map((row) => [escapeHtml(row.path), escapeHtml(row.route), String(row.count)]),
    ]);
  }

  if (report.byStatus.length > 0) {
    summary.addHeading('Responses by status', 3);
    summary.addTable([
      header('Status', 'Responses'),
      ...report.byStatus.map((row) => [escapeHtml(row.status), String(row.count)]),
    ]);
  }

  summary.addHeading('Errors', 3);
  if (report.errorRows.length === 0) {
    summary.addRaw(`<p>${report.errors === 0 ? 'No errors.' : 'None left in the journal.'}</p>`, true);
  } else {
    summary.addTable([
      header('#', 'Method', 'Path', 'Status', 'Model', 'Key'),
      ...report.errorRows.map((row) => [
        escapeHtml(row.seq), escapeHtml(row.method), escapeHtml(row.path),
        escapeHtml(row.status), escapeHtml(row.model), escapeHtml(row.key),
      ]),
    ]);
    if (report.errorsNotShown > 0) {
      summary.addRaw(`<p>${report.errorsNotShown} earlier failed requests not shown.</p>`, true);
    }
  }
  if (report.journalDropped > 0) {
    summary.addRaw(`<p>The journal keeps the last ${escapeHtml(report.journalCapacity)} requests; ` +
      `${report.journalDropped} older ones were dropped (counts above include them).</p>`, true);
  }
  await summary.write();
}

module.exports = { summarize, writeSummary, routeOf, escapeHtml };
