/**
 * The in-memory todo store: the only place that holds state. It hands out
 * copies, so callers can never change a stored todo behind its back.
 */
import type { NewTodo, Todo } from './todo.js';

export class TodoStore {
  private readonly todos = new Map<number, Todo>();
  private nextId = 1;

  constructor(private readonly now: () => Date = () => new Date()) {}

  add(input: NewTodo): Todo {
    const todo: Todo = { id: this.nextId++, title: input.title, createdAt: this.now().toISOString() };
    this.todos.set(todo.id, todo);
    return { ...todo };
  }

  get(id: number): Todo | undefined {
    const todo = this.todos.get(id);
    return todo === undefined ? undefined : { ...todo };
  }

  /** All todos, oldest first. */
  list(): Todo[] {
    return [...this.todos.values()].map((todo) => ({ ...todo }));
  }

  get size(): number {
    return this.todos.size;
  }
}
