// A node:test reporter that writes the leaf test totals as JSON, for the one summary line of `npm test`.
export default async function* summary(source) {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    const isSuite = event.data?.details?.type === 'suite';
    if (event.type === 'test:pass' && !isSuite && !event.data.skip && !event.data.todo) passed++;
    if (event.type === 'test:fail' && !isSuite) failed++;
  }
  yield JSON.stringify({ passed, failed });
}
