// Server commands for the print and export tests (called with executeServerCommand):
//
// azx-pdf { html, name } → { job }, then azx-pdf-result { job } until done: prints a standalone
//   HTML document to PDF in the test's own Chromium
//   (puppeteer's page.pdf, the page's @page sizes honoured), writes it and a PNG of every page to
//   .tmp/print/<name>/ (git-ignored, for a person to look at), and answers what poppler reads
//   from it: each page's size and its text lines with their boxes (pdftotext -bbox-layout).
// azx-read-xlsx { base64, name }: writes the workbook to .tmp/print/<name>.xlsx and reads it back
//   with openpyxl (Debian's python3-openpyxl, an independent reader): each sheet's cells with
//   their type, value and number format.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PYTHON = '/usr/bin/python3';
const run = promisify(execFile);

const READ_XLSX = `
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    rows = []
    for row in ws.iter_rows():
        cells = []
        for c in row:
            v = c.value
            if isinstance(v, (datetime.datetime, datetime.date)):
                v = v.strftime('%Y-%m-%d')
            cells.append({'type': c.data_type, 'value': v, 'format': c.number_format, 'date': c.is_date, 'bold': bool(c.font and c.font.b)})
        rows.append(cells)
    out.append({'name': ws.title, 'rows': rows, 'frozen': ws.freeze_panes, 'widths': {k: d.width for k, d in ws.column_dimensions.items()}})
print(json.dumps(out, ensure_ascii=False))
`;

const entity = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** pdftotext -bbox-layout's XHTML as pages of lines. */
function pagesOf(xhtml) {
  const pages = [];
  for (const page of xhtml.split('<page ').slice(1)) {
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(page);
    const lines = [];
    for (const line of page.split('<line ').slice(1)) {
      const box = /xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/.exec(line);
      const words = [...line.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((m) => entity(m[1]));
      lines.push({ text: words.join(' '), xMin: Number(box[1]), yMin: Number(box[2]), xMax: Number(box[3]), yMax: Number(box[4]) });
    }
    pages.push({ width: Number(size[1]), height: Number(size[2]), lines, text: lines.map((l) => l.text).join('\n') });
  }
  return pages;
}

/** Prints `html` to PDF in a new page of the test's browser and reads it back. */
async function printPdf(browser, out, html, name) {
  const dir = join(out, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false, timeout: 0 });
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, pdf);
    // never blocking: the test runner's server answers the browser meanwhile
    await run('pdftoppm', ['-r', '50', '-png', file, join(dir, 'page')]);
    const { stdout: xhtml } = await run('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { file, pages: pagesOf(xhtml) };
  } finally {
    await page.close();
  }
}

export function printCommands({ rootDir }) {
  const out = join(rootDir, '.tmp', 'print');
  // A command must answer within 20 s (the test runner's limit); a long print runs as a job
  // that the browser asks after until it is done.
  const jobs = new Map();
  let next = 0;
  return {
    name: 'azx-print-commands',
    async executeCommand({ command, payload, session }) {
      if (command === 'azx-pdf') {
        const id = String(++next);
        const job = printPdf(session.browser.getPage(session.id).browser(), out, payload.html, payload.name).then(
          (result) => ({ result }),
          (error) => ({ error: String(error?.stack ?? error) }),
        );
        jobs.set(id, job);
        return { job: id };
      }
      if (command === 'azx-pdf-result') {
        const job = jobs.get(payload.job);
        if (!job) return { error: `no print job ${payload.job}` };
        const done = await Promise.race([job, new Promise((resolve) => setTimeout(() => resolve(undefined), 10_000))]);
        if (!done) return { pending: true };
        jobs.delete(payload.job);
        return done;
      }
      if (command === 'azx-read-xlsx') {
        const { base64, name } = payload;
        mkdirSync(out, { recursive: true });
        const file = join(out, `${name}.xlsx`);
        writeFileSync(file, Buffer.from(base64, 'base64'));
        return JSON.parse(execFileSync(PYTHON, ['-c', READ_XLSX, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
      }
      return undefined;
    },
  };
}
