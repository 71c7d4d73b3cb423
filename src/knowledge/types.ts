/** External knowledge: the third-party libraries a task touches and the API facts about them. */

export type Ecosystem = 'python' | 'npm';

export interface LibraryRef {
  ecosystem: Ecosystem;
  /** What code imports: `sqlalchemy`, `zod`, `@scope/pkg`, `node:http`. */
  importName: string;
  /** The distribution / package name when known: `SQLAlchemy`, `zod`, `@types/node`. */
  packageName: string;
  /** Declared requirement from a manifest, with its file (`pyproject.toml: SQLAlchemy>=1.4.46,<2`). */
  declared?: { file: string; spec: string };
  /** Installed version, when found. */
  version?: string;
  /**
   * Version(s) the project's lock file records (`package-lock.json`, `poetry.lock`, a `==` pin of a
   * requirements file): what is used when the library is not installed. One, unless it locks several.
   */
  locked?: { file: string; versions: string[] };
  score: number;
  /** Why the task touches it ("imported by src/models/user.py", "named in the task"). */
  reasons: string[];
  /** Names used from it, best first (imported names, member accesses, task-text identifiers). */
  symbols: { name: string; score: number; from: string[]; module?: string }[];
}

export type FactProvider = 'python-stub' | 'python-source' | 'typescript-declarations' | 'context7';

export interface ApiFact {
  library: string;
  version?: string;
  symbol: string;
  kind: string;
  /** Declaration text: signature(s), members; docstring / JSDoc trimmed. */
  text: string;
  /** Language tag for the fence (python, ts, text). */
  language: string;
  provider: FactProvider;
  /** Where it came from: `sqlalchemy-stubs/sql/schema.pyi:75`, or a URL. */
  source: string;
  /** Absolute file path (offline providers). */
  file?: string;
  line?: number;
  score: number;
}

export interface KnowledgeNote {
  library?: string;
  message: string;
}

export interface KnowledgeResult {
  libraries: LibraryRef[];
  facts: ApiFact[];
  notes: KnowledgeNote[];
}

/** A source file the task is about, with how relevant it is (1 = most). */
export interface RelevantSource {
  path: string;
  text: string;
  weight: number;
}
