// The argument counts of the operations AZX adds to JSON Logic (logic-operations.ts), which the
// well-formedness check (logic.ts checkLogic) enforces. Apart from the operations themselves so a
// form checks logic without loading them: they come with the evaluator (logic-evaluator.ts).
export const LOGIC_OPERATION_ARITY: Readonly<Record<string, readonly [number, number]>> = {
  round: [1, 3], round_product: [1, 4], date_add: [2, 2], days_between: [2, 2],
  get: [2, 3], find: [3, 3], difference: [2, 3], join: [1, 2], tier: [3, 3], pick: [2, 2],
};
