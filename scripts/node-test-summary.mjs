// A node:test reporter that writes the leaf test totals, and the failed tests' names, as JSON for `npm test`'s summary.
import { relative } from 'node:path';

export default async function* summary(source) {
  let passed = 0;
  let failed = 0;
  const names = [];
  for await (const event of source) {
    const isSuite = event.data?.details?.type === 'suite';
    if (event.type === 'test:pass' && !isSuite && !event.data.skip && !event.data.todo) passed++;
    if (event.type === 'test:fail' && !isSuite) {
      failed++;
      names.push(`${event.data.file ? `${relative(process.cwd(), event.data.file)}: ` : ''}${event.data.name}`);
    }
  }
  yield JSON.stringify({ passed, failed, names });
}
