// json-logic-js ships no types; the functions the engine uses.
declare module 'json-logic-js' {
  const jsonLogic: {
    apply(logic: unknown, data?: unknown): unknown;
    truthy(value: unknown): boolean;
    add_operation(name: string, code: (...args: unknown[]) => unknown): void;
  };
  export default jsonLogic;
}
