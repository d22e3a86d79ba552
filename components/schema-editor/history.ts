// Undo and redo over immutable snapshots: every edit pushes the state it replaced.
export class History<T> {
  #past: T[] = [];
  #future: T[] = [];
  readonly #limit: number;

  constructor(limit = 200) {
    this.#limit = limit;
  }

  /** Records `previous` as the state before an edit; a new edit forgets what was undone. */
  push(previous: T): void {
    this.#past.push(previous);
    if (this.#past.length > this.#limit) this.#past.shift();
    this.#future = [];
  }

  /** The state to go back to (current goes onto the redo stack), or undefined. */
  undo(current: T): T | undefined {
    const previous = this.#past.pop();
    if (previous !== undefined) this.#future.push(current);
    return previous;
  }

  redo(current: T): T | undefined {
    const next = this.#future.pop();
    if (next !== undefined) this.#past.push(current);
    return next;
  }

  get canUndo(): boolean {
    return this.#past.length > 0;
  }
  get canRedo(): boolean {
    return this.#future.length > 0;
  }

  clear(): void {
    this.#past = [];
    this.#future = [];
  }
}
