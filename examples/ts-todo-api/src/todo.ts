/** A todo item as stored and as returned by the API. */
export interface Todo {
  readonly id: number;
  readonly title: string;
  /** ISO 8601 timestamp in UTC, set when the todo is created. */
  readonly createdAt: string;
}

/** What a client sends to create a todo (already validated). */
export interface NewTodo {
  readonly title: string;
}

export const MAX_TITLE_LENGTH = 200;
