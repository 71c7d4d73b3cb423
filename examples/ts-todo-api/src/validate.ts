/**
 * Validation of everything that comes from outside (request bodies, path
 * parameters). Validators never throw: they return a `Result` whose errors
 * are short sentences a client can show.
 */
import { MAX_TITLE_LENGTH, type NewTodo } from './todo.js';

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: string[] };

function isPlainObject(input: unknown): input is Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

function unknownFields(input: Record<string, unknown>, allowed: readonly string[]): string[] {
  return Object.keys(input)
    .filter((key) => !allowed.includes(key))
    .map((key) => `unknown field "${key}"`);
}

/** Validates the body of `POST /todos`: `{ "title": string }`. */
export function validateNewTodo(input: unknown): Result<NewTodo> {
  if (!isPlainObject(input)) return { ok: false, errors: ['body must be a JSON object'] };
  const errors = unknownFields(input, ['title']);
  const { title } = input;
  if (typeof title !== 'string') {
    errors.push('title must be a string');
  } else if (title.trim() === '') {
    errors.push('title must not be empty');
  } else if (title.trim().length > MAX_TITLE_LENGTH) {
    errors.push(`title must be at most ${MAX_TITLE_LENGTH} characters`);
  }
  if (errors.length > 0 || typeof title !== 'string') return { ok: false, errors };
  return { ok: true, value: { title: title.trim() } };
}

/** Parses a todo id from a path segment: a positive decimal integer. */
export function parseTodoId(segment: string): Result<number> {
  if (!/^[1-9][0-9]{0,15}$/.test(segment)) {
    return { ok: false, errors: ['id must be a positive integer'] };
  }
  const id = Number(segment);
  if (!Number.isSafeInteger(id)) return { ok: false, errors: ['id must be a positive integer'] };
  return { ok: true, value: id };
}
