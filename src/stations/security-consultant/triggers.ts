/**
 * What makes a threat category apply to a task: phrases in the task text, imports and API calls in the
 * bundled code, and the kinds of file involved. Each trigger has a weight; `engine.ts` adds them up.
 *
 * Weights: a strong phrase (3) alone is enough to raise a category; weak phrases (1) need code evidence
 * next to them. Code triggers (1–2) are scaled by how central the file is to the task.
 */
import type { CategoryId } from './categories.js';
import type { Language } from './checks.js';

export interface TextTrigger {
  category: CategoryId;
  re: RegExp;
  weight: number;
  label: string;
}

const t = (category: CategoryId, weight: number, label: string, re: RegExp): TextTrigger => ({
  category,
  re,
  weight,
  label,
});

export const TEXT_TRIGGERS: TextTrigger[] = [
  // input validation
  t(
    'input-validation',
    3,
    'user input',
    /\b(?:user|untrusted|external|client)[- ](?:input|supplied|provided|data)\b/i,
  ),
  t(
    'input-validation',
    3,
    'validation',
    /\b(?:validat(?:e|es|ed|ion|ing)|sanitiz(?:e|es|ed|ation|ing)|malformed|invalid (?:input|value|data|request))\b/i,
  ),
  t(
    'input-validation',
    3,
    'input constraints',
    /\b(?:(?:may|must|can) only (?:contain|include|use|be)|only (?:contains?|allows?|accepts?) |(?:is|are) (?:an error|rejected|refused)|reject(?:s|ed)? (?:with|as|when|if)|only (?:digits|letters|numbers|ascii|alphanumeric)|(?:at most|up to|max(?:imum)?\.?|min(?:imum)?\.?) \d+ ?(?:characters|chars|bytes|digits|items|entries|rows|mb|kb)|\d+\s*[-–]\s*\d+ (?:characters|chars))\b/i,
  ),
  t(
    'input-validation',
    3,
    'request data',
    /[?&][\w-]+=|\b(?:request (?:body|payload|parameters?)|query (?:string|param(?:eter)?s?)|form (?:data|fields?|submission)|json (?:body|payload)|path param(?:eter)?s?)\b/i,
  ),
  t(
    'input-validation',
    2,
    'endpoint',
    /\b(?:endpoints?|api routes?|routes? (?:that|which|to) accepts?|web ?hooks?|request handlers?)\b/i,
  ),
  t('input-validation', 2, 'HTTP route', /\b(?:GET|POST|PUT|PATCH|DELETE) \/[\w/{}:<>.-]*/),
  t(
    'input-validation',
    2,
    'form',
    /\b(?:(?:sign[- ]?up|registration|contact|search|profile|settings|edit) forms?|forms? (?:for|to|where)|accepts?\b[^.\n]{0,30}\b(?:from (?:the )?(?:user|client|request)|as input)|user[- ]entered|filter(?:s|ing)? by|search(?:es|ing)? (?:by|for))\b/i,
  ),
  t(
    'input-validation',
    1,
    'fields',
    /\b(?:fields?|parameters?|payload|email address|phone number|date of birth|datetime|timestamp)\b/i,
  ),
  t(
    'input-validation',
    2,
    'user content',
    /\b(?:search (?:box|field|terms?|words?|quer(?:y|ies))|what (?:i|the user|they|users) typed|typed (?:in|into)|user[- ]typed|(?:my|their|user|users'|visitor|customer|reader) (?:comments?|reviews?|messages?|posts?|bios?|notes?|names?)|comments? (?:written|posted|submitted|left) by)\b/i,
  ),
  // SQL injection
  t(
    'sql-injection',
    3,
    'SQL',
    /\b(?:sql|sqlite|postgres(?:ql)?|mysql|mariadb|sqlalchemy|orm|database quer(?:y|ies)|raw quer(?:y|ies)(?! (?:values?|strings?|param))|db quer(?:y|ies))\b/i,
  ),
  t(
    'sql-injection',
    3,
    'database',
    /\b(?:stor(?:e|es|ed|ing)(?: \w+){0,3} in (?:the |a |our )?(?:db|database)|(?:read|write|save|load)s? (?:\w+ ){0,3}(?:from|to|into) the (?:db|database)|(?:db|database|sql) tables?|`\w+` table|migrations?|schema changes?|(?:new|add(?:s|ed)?|a) columns?|stored procedures?|query (?:the|for|by))\b/i,
  ),
  t(
    'sql-injection',
    2,
    'database',
    /\bdatabases?\b(?! (?:passwords?|credentials?|user(?:name)?s?|hosts?|urls?|connections?|servers?|backups?|dumps?))/i,
  ),
  t(
    'sql-injection',
    2,
    'persistence',
    /\b(?:persist(?:s|ed|ence)?|store[sd]? (?:it |them )?in the (?:db|database)|records?|rows?|repository layer|data model|(?:user|\w+) model|models?|order(?:ed)? by|sort(?:s|ed|ing)? (?:\w+ ){0,4}by)\b/i,
  ),
  t(
    'sql-injection',
    1,
    'lookup',
    /\b(?:look ?up|search(?:es|ing)?|filter(?:s|ed|ing)?|whose|find (?:the|a|all)|fetch(?:es)? (?:the|all)|save[sd]?|stored?)\b/i,
  ),
  // command injection
  t(
    'command-injection',
    3,
    'shell',
    /\b(?:shell|subprocess|child[_ ]process|os\.system|system calls?|spawn(?:s|ing)?|exec(?:ute)?s? (?:a |the )?(?:shell |system |external )?(?:commands?|programs?|binar(?:y|ies))|(?:external|system|shell|os) (?:commands?|programs?|binar(?:y|ies)|tools?|process(?:es)?)|ffmpeg|imagemagick|ghostscript|pandoc|wkhtmltopdf|git (?:clone|archive|log))\b/i,
  ),
  t(
    'command-injection',
    3,
    'eval',
    /\b(?:eval(?:uate|uates|uating)? (?:an? |the )?(?:\w+ ){0,2}(?:expressions?|formulas?|code|scripts?)|eval\(|user[- ](?:provided|supplied|defined) (?:expressions?|formulas?|scripts?|code)|plugin code|sandbox)\b/i,
  ),
  t(
    'command-injection',
    1,
    'command',
    /\b(?:commands?|scripts?|convert(?:s|ing)? (?:the )?(?:file|image|video|document))\b/i,
  ),
  // path traversal
  t(
    'path-traversal',
    3,
    'file path',
    /\b(?:file ?names?|file ?paths?|directory traversal|path traversal|download(?:s|ing)? (?:a |the )?files?|serv(?:e|es|ing) (?:static |uploaded )?files?|read(?:s|ing)? (?:a |the )?files? (?:from|named|at)|files? (?:from|under|in) (?:the )?(?:directory|folder)|(?:zip|tar) (?:archives?|files?|extraction)|extract(?:s|ed|ing)?(?: \w+){0,3} (?:archives?|zip|tar|into|to)|\.(?:tar(?:\.gz)?|tgz|zip) (?:files?|archives?|backups?|uploads?)|attachments?)\b/i,
  ),
  t(
    'path-traversal',
    3,
    'file name parameter',
    /[?&](?:file|filename|file_name|path|filepath|doc|document)=|\bdownload(?:s|ing)? (?:\w+ ){0,3}(?:files?|pdfs?|reports?|documents?|attachments?|exports?)\b/i,
  ),
  t(
    'path-traversal',
    2,
    'stored upload',
    /\b(?:(?:save|write|store)s? (?:the |each |an? )?(?:upload(?:ed)?|files?|photos?|images?|documents?)(?: files?)? (?:to|in|into|under|next to)|(?:stored|saved|written) (?:under|in|into|next to)|temporary (?:directory|folder|file))\b/i,
  ),
  t(
    'path-traversal',
    1,
    'file',
    /\b(?:files?|folders?|directory|directories|paths?|exports? (?:to|as) (?:a )?(?:file|csv|pdf))\b/i,
  ),
  // XSS and template injection
  t(
    'xss',
    3,
    'HTML rendering',
    /\b(?:html|templates?|jinja2?|render(?:s|ed|ing)? (?:the |a |an )?(?:page|view|html|markdown|comment|message|profile|template)|render(?:s|ed|ing)? markdown|markdown (?:rendering|renderer|content|input|preview)|rich[- ]text|innerHTML|dangerouslySetInnerHTML|(?:react|vue|svelte|angular) components?|user[- ](?:generated|provided|supplied) (?:content|text|html)|display(?:s|ed|ing)? (?:the |a |user )?(?:name|comment|message|bio|title|review|content)s?|comments? (?:section|thread|box)|svg)\b/i,
  ),
  t(
    'xss',
    3,
    'reflected input',
    /\b(?:echo(?:es|ed|ing)?|reflect(?:s|ed|ing)?) (?:\w+ ){0,4}(?:in|into|back in|back into) the (?:response|page|html|output|error message)\b/i,
  ),
  t(
    'xss',
    2,
    'user content shown',
    /\b(?:append(?:s|ing)?|show(?:s|ing)?|render(?:s|ing)?|insert(?:s|ing)?|display(?:s|ing)?) (?:the |new |all |user |their |other users' )?(?:comments?|messages?|reviews?|posts?|replies|bios?|usernames?|display names?)\b/i,
  ),
  t('xss', 1, 'page', /\b(?:pages?|views?|ui|front-?end|browser|dom|widgets?|dashboards?)\b/i),
  // SSRF
  t(
    'ssrf',
    3,
    'outbound URL',
    /\b(?:web ?hook urls?|(?:send|sends|sending|deliver|delivers|delivering|post|posts|posting|call|calls|calling|register|registers) (?:\w+ ){0,3}web ?hooks?|callback urls?|(?:fetch|download|import|load|preview)(?:s|es|ing)? (?:\w+ ){0,3}(?:from )?(?:an? |the )?(?:remote |external |given |user[- ]supplied )?url|url (?:previews?|unfurl\w*|fetch\w*|import)|link previews?|proxy (?:requests?|endpoint|service|the request)|proxies requests|outbound (?:http )?requests?|server[- ]side requests?|avatar url|image url|remote (?:url|resource|feed|image|file|page|content|host|server)s?|(?:fetch|download)(?:es|s|ing)? (?:the |a |an )?(?:remote|external|given|user[- ]supplied)|[?&](?:url|uri|link|src|image_url|feed|target)=|rss feeds?|oembed)\b/i,
  ),
  t(
    'ssrf',
    1,
    'http client',
    /\b(?:web ?hooks?|urls?|http requests?|third[- ]party (?:api|service)s?|external (?:api|service)s?|integrations?)\b/i,
  ),
  // authentication
  t(
    'authentication',
    3,
    'login',
    /\b(?:log(?:s|ged|ging)? ?in|log ?out|sign(?:s|ed|ing)? ?in|sign ?out|logins?|(?<!\b(?:database|db|smtp|e-?mail|email_host|service|host|server|redis|postgres(?:ql)?|mysql|pg)[ _-]?)passwords?|pass ?phrases?|(?:user|login|web|browser|http|server[- ]side) sessions?|session (?:cookies?|ids?|tokens?|fixation|timeouts?|expir\w*|management|store)|cookies?|jwts?|(?:access|refresh|bearer|auth|api|reset|session) tokens?|oauth2?|openid|sso|saml|authenticat(?:e|es|ed|ion|ing)|mfa|2fa|two[- ]factor|totp|otp|one[- ]time (?:code|password)|remember[- ]me|(?:user|login|sign[- ]in) credentials?|credentials? (?:check|verification|stuffing)|registration|sign[- ]?ups?|lockout|brute[- ]force|rate[- ]limit\w*)\b/i,
  ),
  t(
    'authentication',
    1,
    'account',
    /\b(?:accounts?|identity|email verification|verify (?:the |their )?email)\b/i,
  ),
  // authorization / IDOR
  t('authorization', 1, 'user story role', /\bas an? (?:admin|administrator|moderator|owner|manager)\b/i),
  t(
    'authorization',
    3,
    'access control',
    /\b(?:(?:admin|administrator|staff|privileged|moderator) users? (?:can|may|only|are allowed)|(?:only|just) (?:admins?|administrators?|staff|moderators?)|roles? (?:based|checks?|assignments?)|(?:user|admin|staff|member|editor|viewer|owner|moderator) roles?|role-based|permissions?|authoriz(?:e|es|ed|ation|ing)|access control|acls?|rbac|privileges?|(?:only|just) (?:the |their )?(?:owner|author|creator|admin|members?|user who)|owners?|ownership|tenants?|multi[- ]tenant|their own|other users'?|another user'?s?|belong(?:s|ing)? to (?:the |a |another |other )?(?:users?|accounts?|tenants?|teams?|organi[sz]ations?|owners?)|visible (?:only )?to|private (?:notes?|posts?|documents?|files?|messages?|data|profiles?|projects?)|shared with|share (?:a |the )?\w+ with|moderat(?:e|or|ors|ion)|forbidden|403|idor|cors|cross[- ]origin|access-control-allow-origin|allowed origins?)\b/i,
  ),
  t('authorization', 2, 'admin', /\b(?:admins?|administrators?|staff)\b/i),
  t(
    'authorization',
    1,
    'per user',
    /\b(?:user'?s|per[- ]user|profiles?|delete (?:a |the )?\w+|edit (?:a |the )?\w+|teams?|organi[sz]ations?|workspaces?)\b/i,
  ),
  // cryptography and randomness
  t(
    'cryptography',
    3,
    'crypto',
    /\b(?:encrypt(?:s|ed|ion|ing)?|decrypt(?:s|ed|ion|ing)?|cipher|hash(?:es|ed|ing)? (?:the )?(?:password|token|key|secret|pin)s?|password hash(?:es|ing)?|hmac|digital signatures?|sign(?:s|ed|ing)? (?:the )?(?:payload|request|token|message|webhook|url|cookie)s?|signed (?:urls?|cookies?|tokens?)|(?:hmac|webhook|request|payload) signatures?|signature (?:verification|header|check)|verify (?:the )?signatures?|random (?:tokens?|codes?|ids?|strings?|passwords?)|(?:reset|verification|invite|invitation|magic[- ]link|confirmation) (?:tokens?|codes?|links?|keys?)|(?:generate|generates|generating|create|creates|creating|issue|issues|issuing|rotate|rotates|rotating)(?: \w+){0,2} api (?:keys?|tokens?)|nonces?|salts?|key derivation|tls|ssl|certificates?|csprng|secure random|uuid4|(?:generate|generates|generating) (?:a |an )?(?:token|code|key|secret|password))\b/i,
  ),
  t(
    'cryptography',
    1,
    'random',
    /\b(?:random(?:ly|ness)?|unique (?:code|id|identifier)|checksums?|hash(?:es|ed|ing)?)\b/i,
  ),
  // unsafe deserialization
  t(
    'deserialization',
    3,
    'deserialize',
    /\b(?:pickle[sd]?|unpickl\w*|deserializ\w*|unserializ\w*|marshal(?:l?ing)?|yaml (?:input|payloads?|uploads?|documents? from)|upload(?:s|ed|ing)? (?:a |an |the )?yaml|pyyaml|yaml\.load|(?:load|parse|read)(?:s|ing)? (?:the |a |an )?(?:uploaded |user[- ]supplied |\w+ )?yaml|serialized (?:objects?|data|state)|object serialization|(?:import|load|restore)(?:s|ing)? (?:a |the )?(?:saved |exported )?(?:state|session|snapshot|backup|config(?:uration)? file|settings file)s?)\b/i,
  ),
  t('deserialization', 2, 'yaml data', /\byaml (?:files?|data|documents?)\b/i),
  t(
    'deserialization',
    1,
    'parse',
    /\b(?:import(?:s|ing)? (?:data|files?)|cache[sd]? (?:objects?|results?)|parse[sd]? (?:the )?(?:config|file|upload))\b/i,
  ),
  // secrets handling
  t(
    'secrets',
    3,
    'secrets',
    /\b(?:secrets?|api[_ -]?keys?|access[_ -]?keys?|private[_ -]?keys?|credentials?|client[_ -]?secrets?|tokens? for|(?:smtp|database|db|service) passwords?|connection strings?|\.env\b|vaults?|secret managers?|kms|(?:stripe|twilio|sendgrid|aws|github|slack|openai) (?:key|token|secret|credentials?)s?)\b/i,
  ),
  t(
    'secrets',
    1,
    'config',
    /\b(?:config(?:uration)? (?:values?|settings?|files?)|settings\.py|environment variables?|env vars?)\b/i,
  ),
  // logging of sensitive data
  t(
    'sensitive-logging',
    3,
    'logging',
    /\b(?:log(?:s|ged|ging)? (?:the |each |every |all |failed |successful |incoming |outgoing )?(?:requests?|responses?|events?|attempts?|errors?|actions?|calls?|payloads?|changes?|access(?:es)?|logins?|activity)|logging|loggers?|audit(?:s|ed|ing)?(?: logs?| trails?)?|access logs?|telemetry|debug (?:output|logs?)|trac(?:e|es|ing) (?:requests|calls)|error report(?:s|ing)?|sentry|observability|monitoring)\b/i,
  ),
  t(
    'sensitive-logging',
    1,
    'log',
    /\b(?:logs?|print(?:s|ed)? (?:the )?(?:error|details)|analytics|metrics)\b/i,
  ),
  // file upload
  t(
    'file-upload',
    3,
    'upload',
    /\b(?:upload(?:s|ed|ing)?|multipart|file inputs?|attach(?:es|ed|ing)? (?:a |the )?files?|avatars?|profile (?:pictures?|photos?|images?)|import(?:s|ing)? (?:a |an )?(?:csv|excel|xlsx|json|xml) files?)\b/i,
  ),
  t(
    'file-upload',
    3,
    'file input',
    /\b(?:accepts?|receives?|takes?|import(?:s|ing)?(?: \w+){0,3} from) (?:a |an |the )?(?:csv|excel|xlsx|json|xml|zip|pdf|image|text|\.\w+) files?\b/i,
  ),
  t('file-upload', 1, 'image', /\b(?:images?|photos?|pictures?|documents?|pdfs?|attachments?)\b/i),
  // open redirect
  t(
    'open-redirect',
    3,
    'redirect',
    /\b(?:redirect(?:s|ed|ing)?|return[_-]?to\b|return[_ -]url|returnTo|next[_ -]?(?:url|page|param(?:eter)?)|`next`|continue[_ -]?url|forward(?:s|ed)? (?:the user )?to)\b/i,
  ),
  t(
    'open-redirect',
    1,
    'navigate',
    /\b(?:callback[_ -]?urls?|navigat(?:e|es|ion)|after (?:login|logging in|sign[- ]?in) (?:take|send|bring)s?)\b/i,
  ),
  // dependency risk
  t(
    'dependency-risk',
    3,
    'dependency',
    /\b(?:(?:new|third[- ]party|external|runtime|npm|python|pip|go|transitive) dependenc(?:y|ies)|dependency (?:upgrades?|updates?|bumps?|pins?|audit)|third[- ]party (?:packages?|librar(?:y|ies)|modules?|sdks?)|(?:add|adds|adding|install|installs|installing|upgrade|upgrades|upgrading|bump|bumps|bumping|pin|pins|pinning|replace|replacing|switch to|use) (?:the |a |an )?(?:`?[\w@./-]+`? )?(?:package|librar(?:y|ies)|sdk|client library)s?|(?:upgrade|bump|pin)(?:s|ing)? `?[\w@./-]+`? to v?\d|(?:pip|npm|yarn|pnpm|go) (?:install|add|get)|requirements\.txt|package\.json|pyproject\.toml|go\.mod|lock ?files?|package-lock|vulnerab(?:le|ility|ilities) in (?:a |the )?(?:dependency|package|library)|cve-\d{4}-\d+|supply chain)\b/i,
  ),
  t('dependency-risk', 2, 'dependencies', /\bdependenc(?:y|ies)\b/i),
  t('dependency-risk', 1, 'library', /\b(?:librar(?:y|ies)|packages?|sdks?|frameworks?|versions?)\b/i),
];

/** Words that cancel a phrase when they come just before it ("no user input", "without a database"). */
export const NEGATION =
  /\b(?:no|not|without|never|none|nor|neither|n't|doesn't|don't|isn't|aren't|won't)\b(?:\W+\w+){0,2}\W*$/i;
/** Prohibitions ("never echo …", "must not log …") name a risk the task has: they count for the category. */
export const PROHIBITION =
  /\b(?:never|do not|don't|must not|mustn't|should not|shouldn't|cannot|can't|may not)\b(?:\W+\w+){0,2}\W*$/i;
/** The same without "without", which usually states a requirement ("requests without a token get 401"). */
export const ABSENCE =
  /\b(?:no|not|never|none|nor|neither|n't|doesn't|don't|isn't|aren't|won't)\b(?:\W+\w+){0,2}\W*$/i;

// --- Code triggers -----------------------------------------------------------------------------------

export type CodeTriggerKind = 'import' | 'call' | 'source' | 'sink' | 'definition' | 'field';

export interface CodeTrigger {
  category: CategoryId;
  languages: Language[];
  kind: CodeTriggerKind;
  weight: number;
  label: string;
  re: RegExp;
  /** Stack names this trigger reveals (for stack-specific advice). */
  stacks?: string[];
}

const c = (
  category: CategoryId,
  languages: Language[],
  kind: CodeTriggerKind,
  weight: number,
  label: string,
  re: RegExp,
  stacks?: string[],
): CodeTrigger => ({ category, languages, kind, weight, label, re, stacks });

const PY: Language[] = ['python'];
const JS: Language[] = ['javascript'];
const GO: Language[] = ['go'];
const TPL: Language[] = ['template'];

export const CODE_TRIGGERS: CodeTrigger[] = [
  // --- SQL and databases
  c(
    'sql-injection',
    PY,
    'import',
    1,
    'SQLAlchemy',
    /^\s*(?:from|import)\s+(?:sqlalchemy|sqlmodel|flask_sqlalchemy)\b/,
    ['sqlalchemy'],
  ),
  c('sql-injection', PY, 'import', 1, 'Alembic', /^\s*(?:from|import)\s+alembic\b/, [
    'alembic',
    'sqlalchemy',
  ]),
  c(
    'sql-injection',
    PY,
    'import',
    1,
    'DB-API driver',
    /^\s*(?:from|import)\s+(?:sqlite3|psycopg2?|pymysql|MySQLdb|mysql\.connector|asyncpg|aiosqlite|cx_Oracle|oracledb|pyodbc)\b/,
    ['dbapi'],
  ),
  c('sql-injection', PY, 'import', 1, 'Django ORM', /^\s*(?:from|import)\s+django\.db\b/, ['django']),
  c(
    'sql-injection',
    PY,
    'import',
    1,
    'MongoDB driver',
    /^\s*(?:from|import)\s+(?:pymongo|motor|mongoengine)\b/,
    ['mongo'],
  ),
  c(
    'sql-injection',
    PY,
    'call',
    2,
    'query execution',
    /\.(?:execute|executemany|executescript|exec_driver_sql|raw|extra)\s*\(|\b(?:text|select|insert|update|delete)\s*\(\s*[\w"'f]|\.query\s*\(\s*\w|\.objects\.(?:filter|get|exclude|raw|extra|all)\s*\(|\bop\.(?:execute|add_column|create_table|alter_column|bulk_insert)\s*\(|\.find(?:_one)?\s*\(\s*\{/,
  ),
  c(
    'sql-injection',
    PY,
    'definition',
    1,
    'model class',
    /^\s*class\s+\w+\s*\(\s*(?:[\w.]*Base|db\.Model|models\.Model|SQLModel|DeclarativeBase|Model)\b/,
  ),
  c(
    'sql-injection',
    JS,
    'import',
    1,
    'SQL client',
    /(?:require\(\s*|from\s+)["'](?:pg|pg-promise|mysql2?(?:\/promise)?|sqlite3?|better-sqlite3|postgres|slonik|mssql|oracledb|tedious)["']/,
    ['pg', 'mysql'],
  ),
  c(
    'sql-injection',
    JS,
    'import',
    1,
    'ORM',
    /(?:require\(\s*|from\s+)["'](?:sequelize|knex|typeorm|@prisma\/client|drizzle-orm[\w/-]*|objection|kysely|mikro-orm[\w/@-]*|mongoose|mongodb)["']/,
    ['orm'],
  ),
  c(
    'sql-injection',
    JS,
    'call',
    2,
    'query execution',
    /\.(?:query|execute|raw|\$queryRaw\w*|\$executeRaw\w*|prepare|exec)\s*\(\s*["'`\w]|\.(?:findOne|findMany|findAll|findUnique|findById|find|insertOne|updateOne|deleteOne|aggregate)\s*\(/,
  ),
  c(
    'sql-injection',
    GO,
    'import',
    1,
    'database/sql',
    /"(?:database\/sql|github\.com\/jmoiron\/sqlx|github\.com\/jackc\/pgx[\w/]*|gorm\.io\/gorm|github\.com\/lib\/pq|github\.com\/go-sql-driver\/mysql|github\.com\/mattn\/go-sqlite3)"/,
    ['go-sql'],
  ),
  c(
    'sql-injection',
    GO,
    'call',
    2,
    'query execution',
    /\.(?:Query|QueryRow|QueryContext|QueryRowContext|Exec|ExecContext|Prepare|Raw|Where)\s*\(/,
  ),
  c(
    'sql-injection',
    ['any'],
    'definition',
    2,
    'SQL statement',
    /^\s*(?:CREATE\s+TABLE|ALTER\s+TABLE|INSERT\s+INTO|SELECT\s.+\sFROM)\b/i,
  ),

  // --- Untrusted input (sources) and request handlers
  c(
    'input-validation',
    PY,
    'source',
    2,
    'Flask request data',
    /\brequest\.(?:args|form|values|json|get_json|files|data|cookies|headers|stream)\b/,
    ['flask'],
  ),
  c(
    'input-validation',
    PY,
    'source',
    2,
    'Django request data',
    /\brequest\.(?:GET|POST|body|FILES|COOKIES|META|data|query_params)\b/,
    ['django'],
  ),
  c(
    'input-validation',
    PY,
    'source',
    2,
    'FastAPI parameters',
    /\b(?:Body|Query|Form|Header|Cookie|File)\s*\(|=\s*Path\s*\(\s*(?:\.\.\.|default|description|gt|ge|lt|le)|:\s*UploadFile\b|\bBaseModel\)\s*:/,
  ),
  c(
    'input-validation',
    PY,
    'definition',
    1,
    'route handler',
    /^\s*@(?:\w+\.)?(?:route|get|post|put|patch|delete|api_view|websocket)\s*\(|^\s*@(?:app|bp|blueprint|router|api)\.\w+\s*\(\s*["']\//,
  ),
  c('input-validation', PY, 'import', 1, 'web framework', /^\s*(?:from|import)\s+flask\b/, ['flask']),
  c('input-validation', PY, 'import', 1, 'web framework', /^\s*(?:from|import)\s+django\b/, ['django']),
  c('input-validation', PY, 'import', 1, 'web framework', /^\s*(?:from|import)\s+(?:fastapi|starlette)\b/, [
    'fastapi',
  ]),
  c(
    'input-validation',
    PY,
    'import',
    1,
    'validation library',
    /^\s*(?:from|import)\s+(?:pydantic|marshmallow|wtforms|flask_wtf|cerberus|jsonschema|rest_framework)\b/,
  ),
  c(
    'input-validation',
    PY,
    'field',
    1,
    'model field',
    /\b(?:Column|mapped_column)\s*\(|\bmodels\.\w+Field\s*\(|\bField\s*\(/,
  ),
  c('input-validation', PY, 'source', 1, 'command-line input', /\bsys\.argv\b|\bargparse\b|\binput\s*\(/),
  c(
    'input-validation',
    JS,
    'source',
    2,
    'request data',
    /\b(?:req|request|ctx\.request)\.(?:body|query|params|cookies|headers|files?)\b|\bsearchParams\.get\s*\(|\bawait\s+(?:req|request)\.(?:json|formData|text)\s*\(/,
    ['node'],
  ),
  c(
    'input-validation',
    JS,
    'definition',
    1,
    'route handler',
    /\b(?:app|router|server|fastify|api)\.(?:get|post|put|patch|delete|all|route|use)\s*\(\s*["'`/]|\bcreateServer\s*\(|export\s+(?:async\s+)?function\s+(?:GET|POST|PUT|PATCH|DELETE)\b/,
  ),
  c(
    'input-validation',
    JS,
    'import',
    1,
    'web framework',
    /(?:require\(\s*|from\s+)["'](?:express|koa|fastify|@nestjs\/\w+|hapi|@hapi\/hapi|next\/server)["']/,
    ['express'],
  ),
  c(
    'input-validation',
    JS,
    'import',
    1,
    'validation library',
    /(?:require\(\s*|from\s+)["'](?:zod|joi|yup|express-validator|ajv|class-validator|valibot)["']/,
  ),
  c(
    'input-validation',
    GO,
    'source',
    2,
    'request data',
    /\br\.(?:URL\.Query|FormValue|PostFormValue|Body|Form|PathValue|Header\.Get|Cookie)\b|\bc\.(?:Param|Query|PostForm|ShouldBind\w*|Bind\w*|FormValue)\s*\(|\bmux\.Vars\s*\(/,
    ['go'],
  ),
  c(
    'input-validation',
    GO,
    'definition',
    1,
    'HTTP handler',
    /\bhttp\.ResponseWriter\b|\b(?:HandleFunc|Handle)\s*\(\s*"|\b(?:r|router|e|g)\.(?:GET|POST|PUT|PATCH|DELETE)\s*\(/,
    ['go'],
  ),

  c(
    'input-validation',
    PY,
    'definition',
    1,
    'validator',
    /^\s*(?:async\s+)?def\s+(?:validate|parse|sanitize|clean|check)_?\w*\s*\(/,
  ),
  c(
    'input-validation',
    JS,
    'definition',
    1,
    'validator',
    /^\s*(?:export\s+)?(?:async\s+)?function\s+(?:validate|parse|sanitize|clean|check)[A-Z_]\w*\s*\(/,
  ),
  c(
    'input-validation',
    GO,
    'definition',
    1,
    'validator',
    /^func\s+(?:\([^)]*\)\s*)?(?:[Vv]alidate|[Pp]arse|[Ss]anitize)\w*\s*\(/,
  ),

  // --- Command and code injection
  c(
    'command-injection',
    PY,
    'import',
    2,
    'subprocess',
    /^\s*(?:from|import)\s+(?:subprocess|shlex|pexpect|sh)\b/,
    ['python'],
  ),
  c(
    'command-injection',
    PY,
    'sink',
    2,
    'process execution',
    /\b(?:subprocess\.\w+|os\.(?:system|popen|exec\w*|spawn\w*))\s*\(|(?<![\w.])(?:eval|exec)\s*\(/,
  ),
  c(
    'command-injection',
    JS,
    'import',
    2,
    'child_process',
    /(?:require\(\s*|from\s+)["'](?:node:)?child_process["']|(?:require\(\s*|from\s+)["'](?:execa|shelljs|cross-spawn)["']|\bvm\.run\w*\(/,
  ),
  c(
    'command-injection',
    JS,
    'sink',
    2,
    'process execution',
    /\b(?:exec|execSync|execFile|execFileSync|spawn|spawnSync|fork)\s*\(|(?<![\w$.])eval\s*\(|\bnew\s+Function\s*\(/,
  ),
  c('command-injection', GO, 'import', 2, 'os/exec', /"os\/exec"/),
  c('command-injection', GO, 'sink', 2, 'process execution', /\bexec\.Command(?:Context)?\s*\(/),

  // --- Files and paths
  c(
    'path-traversal',
    PY,
    'sink',
    2,
    'file access',
    /\b(?:send_file|send_from_directory|FileResponse|FileSystemStorage|os\.remove|os\.unlink|shutil\.\w+|zipfile\.ZipFile|tarfile\.open|extractall)\s*\(|\bopen\s*\(\s*(?!["'])[\w.]|\bos\.path\.join\s*\([^)]*(?:name|path|file)|\bPath\s*\([^)]*\)\s*\/\s*\w/,
  ),
  c(
    'path-traversal',
    JS,
    'sink',
    2,
    'file access',
    /\bfs(?:\/promises)?\.(?:readFile|readFileSync|writeFile|writeFileSync|createReadStream|createWriteStream|unlink|rm|readdir|stat|access|open)\s*\(|\bres\.(?:sendFile|download|attachment)\s*\(|\bexpress\.static\s*\(|\bpath\.(?:join|resolve)\s*\([^)]*(?:req\.|name|file)/,
  ),
  c(
    'path-traversal',
    JS,
    'import',
    1,
    'filesystem module',
    /(?:require\(\s*|from\s+)["'](?:node:)?fs(?:\/promises)?["']/,
  ),
  c(
    'path-traversal',
    GO,
    'sink',
    2,
    'file access',
    /\bos\.(?:Open|OpenFile|ReadFile|WriteFile|Create|Remove|RemoveAll)\s*\(|\bhttp\.(?:ServeFile|FileServer|Dir)\s*\(|\bfilepath\.Join\s*\(|"archive\/(?:zip|tar)"/,
  ),

  // --- HTML rendering
  c(
    'xss',
    PY,
    'sink',
    2,
    'template rendering',
    /\b(?:render_template_string|Markup|mark_safe|format_html|HttpResponse)\s*\(|\bjinja2\.(?:Template|Environment)\s*\(|\bautoescape\s*=\s*False/,
    ['jinja'],
  ),
  c('xss', PY, 'call', 1, 'template view', /\b(?:render_template|render|TemplateResponse)\s*\(/, ['jinja']),
  c(
    'xss',
    JS,
    'sink',
    2,
    'HTML sink',
    /\.(?:inner|outer)HTML\s*\+?=|\bdangerouslySetInnerHTML\b|\.insertAdjacentHTML\s*\(|\bdocument\.write\s*\(|\bv-html\b|\bres\.send\s*\(\s*`[^`]*</,
    ['browser'],
  ),
  c(
    'xss',
    JS,
    'call',
    1,
    'view rendering',
    /\bres\.render\s*\(|\bReactDOM\.|\bcreateRoot\s*\(|(?:require\(\s*|from\s+)["'](?:react|react-dom|vue|svelte|ejs|pug|handlebars|nunjucks)["']/,
    ['react'],
  ),
  c('xss', GO, 'import', 2, 'Go templates', /"(?:html|text)\/template"/),
  c('xss', GO, 'sink', 2, 'HTML output', /\btemplate\.HTML\s*\(|\bfmt\.Fprintf\s*\(\s*w\s*,\s*"[^"]*</),
  c(
    'xss',
    TPL,
    'sink',
    2,
    'unescaped output',
    /\|\s*safe\b|\{%-?\s*autoescape\s+(?:false|off)|<%-|\{\{\{|\bv-html\b/,
  ),
  c('xss', TPL, 'call', 1, 'template output', /\{\{[^}]+\}\}|<%=|\{%\s*(?:for|if|block)\b/),

  // --- Outbound requests
  c(
    'ssrf',
    PY,
    'import',
    1,
    'HTTP client',
    /^\s*(?:from|import)\s+(?:requests|httpx|aiohttp|urllib3|urllib\.request|http\.client|pycurl)\b/,
  ),
  c(
    'ssrf',
    PY,
    'sink',
    2,
    'outbound request',
    /\b(?:requests|httpx|session|client)\.(?:get|post|put|patch|delete|head|request|stream)\s*\(\s*(?!["'])\w|\burlopen\s*\(/,
  ),
  c(
    'ssrf',
    JS,
    'import',
    1,
    'HTTP client',
    /(?:require\(\s*|from\s+)["'](?:axios|got|node-fetch|undici|superagent|needle|request)["']/,
  ),
  c(
    'ssrf',
    JS,
    'sink',
    2,
    'outbound request',
    /\b(?:fetch|axios(?:\.\w+)?|got(?:\.\w+)?|https?\.(?:get|request))\s*\(\s*(?!["'`]https?:\/\/[^$`"']*["'`])[\w`]/,
  ),
  c(
    'ssrf',
    GO,
    'sink',
    2,
    'outbound request',
    /\bhttp\.(?:Get|Post|Head|NewRequest(?:WithContext)?)\s*\(|\.Do\s*\(\s*req\b/,
  ),

  // --- Authentication
  c(
    'authentication',
    PY,
    'import',
    2,
    'auth library',
    /^\s*(?:from|import)\s+(?:flask_login|flask_jwt_extended|jwt|jose|authlib|passlib|bcrypt|argon2|itsdangerous|django\.contrib\.auth|rest_framework_simplejwt|fastapi\.security|werkzeug\.security)\b/,
    ['python'],
  ),
  c(
    'authentication',
    PY,
    'call',
    2,
    'credential handling',
    /\b(?:check_password_hash|generate_password_hash|check_password|set_password|authenticate|login_user|logout_user|jwt\.(?:encode|decode)|bcrypt\.\w+|verify_password|hash_password)\s*\(|\bsession\s*\[|\.set_cookie\s*\(|\bSECRET_KEY\b/,
  ),
  c(
    'authentication',
    PY,
    'definition',
    2,
    'login code',
    /^\s*(?:async\s+)?def\s+(?:log_?in|log_?out|sign_?in|authenticate|register|sign_?up|reset_password|change_password|verify_token|create_access_token|get_current_user)\b/,
  ),
  c(
    'authentication',
    JS,
    'import',
    2,
    'auth library',
    /(?:require\(\s*|from\s+)["'](?:passport[\w-]*|jsonwebtoken|jose|bcrypt(?:js)?|argon2|express-session|cookie-session|cookie-parser|next-auth[\w/-]*|@auth\/\w+|lucia)["']/,
    ['jwt'],
  ),
  c(
    'authentication',
    JS,
    'call',
    2,
    'credential handling',
    /\b(?:jwt\.(?:sign|verify|decode)|bcrypt\.\w+|passport\.authenticate|req\.session\b|res\.cookie\s*\(|req\.login\s*\(|(?:verify|hash|compare)Password\s*\()/,
  ),
  c(
    'authentication',
    JS,
    'definition',
    2,
    'login code',
    /\b(?:function|const|let)\s+(?:log[iI]n|log[oO]ut|sign[iI]n|authenticate|register|signUp|resetPassword)\b/,
  ),
  c(
    'authentication',
    GO,
    'import',
    2,
    'auth library',
    /"(?:golang\.org\/x\/crypto\/bcrypt|github\.com\/golang-jwt\/jwt[\w/]*|github\.com\/gorilla\/sessions)"/,
    ['jwt'],
  ),
  c(
    'authentication',
    GO,
    'call',
    2,
    'credential handling',
    /\bhttp\.SetCookie\s*\(|\bbcrypt\.\w+\s*\(|\bjwt\.Parse\w*\s*\(|\bfunc\s+(?:\([^)]*\)\s*)?(?:Login|Logout|Authenticate|SignIn)\b/,
  ),

  // --- Authorization
  c(
    'authorization',
    PY,
    'call',
    2,
    'access check',
    /@(?:login_required|permission_required|user_passes_test|roles_required|admin_required)\b|\bcurrent_user\b|\brequest\.user\b|\bpermission_classes\b|\bhas_(?:object_)?permission\s*\(|\babort\s*\(\s*40[13]\b|\bis_(?:admin|staff|superuser|owner)\b|\bowner(?:_id)?\b/,
  ),
  c(
    'authorization',
    JS,
    'call',
    2,
    'access check',
    /\breq\.user\b|\b(?:isAdmin|isOwner|ownerId|hasRole|hasPermission|authorize|requireRole|canAccess)\b|\bstatus\(\s*403\s*\)/,
  ),
  c(
    'authorization',
    GO,
    'call',
    2,
    'access check',
    /\bhttp\.StatusForbidden\b|\b(?:IsAdmin|OwnerID|UserID|HasRole|Authorize)\b|\bctx\.Value\s*\(\s*\w*[uU]ser/,
  ),

  // --- Cryptography and randomness
  c(
    'cryptography',
    PY,
    'import',
    2,
    'crypto module',
    /^\s*(?:from|import)\s+(?:hashlib|hmac|secrets|cryptography|Crypto|nacl|ssl)\b/,
    ['python'],
  ),
  c(
    'cryptography',
    PY,
    'call',
    1,
    'random module',
    /\brandom\.(?:random|randint|randrange|choice|choices|getrandbits|sample)\s*\(|\buuid\.uuid1\s*\(/,
  ),
  c(
    'cryptography',
    JS,
    'call',
    2,
    'crypto API',
    /(?:require\(\s*|from\s+)["'](?:node:)?crypto["']|\bcrypto\.(?:createHash|createHmac|createCipheriv|randomBytes|randomUUID|subtle|timingSafeEqual|scrypt\w*|pbkdf2\w*)\b/,
  ),
  c('cryptography', JS, 'call', 1, 'Math.random', /\bMath\.random\s*\(/),
  c('cryptography', GO, 'import', 2, 'crypto package', /"(?:crypto\/[\w/]+|math\/rand(?:\/v2)?)"/),

  // --- Deserialization
  c(
    'deserialization',
    PY,
    'import',
    2,
    'pickle/yaml',
    /^\s*(?:from|import)\s+(?:pickle|cPickle|dill|marshal|shelve|jsonpickle|joblib)\b/,
  ),
  c('deserialization', PY, 'import', 1, 'yaml', /^\s*(?:from|import)\s+(?:yaml|ruamel)\b/),
  c(
    'deserialization',
    PY,
    'sink',
    2,
    'deserialization',
    /\b(?:pickle|cPickle|dill|marshal|jsonpickle|joblib)\.(?:loads?|decode)\s*\(|\byaml\.(?:load|load_all|unsafe_load|full_load)\s*\(/,
  ),
  c(
    'deserialization',
    JS,
    'sink',
    2,
    'deserialization',
    /(?:require\(\s*|from\s+)["'](?:node-serialize|serialize-javascript|funcster)["']|\bunserialize\s*\(|\bv8\.deserialize\s*\(/,
  ),
  c('deserialization', GO, 'import', 1, 'gob', /"encoding\/gob"/),

  // --- Secrets
  c(
    'secrets',
    PY,
    'call',
    2,
    'secret configuration',
    /\bos\.(?:environ|getenv)\b[^\n]*\b(?:KEY|SECRET|TOKEN|PASSWORD|PASS|CREDENTIALS?)\b|\b(?:SECRET_KEY|API_KEY|ACCESS_KEY|CLIENT_SECRET|AUTH_TOKEN)\b|^\s*(?:from|import)\s+(?:dotenv|decouple|environs|boto3|hvac)\b/i,
  ),
  c(
    'secrets',
    JS,
    'call',
    2,
    'secret configuration',
    /\bprocess\.env\.\w*(?:KEY|SECRET|TOKEN|PASSWORD|PASS|CREDENTIALS?)\w*|(?:require\(\s*|from\s+)["']dotenv(?:\/config)?["']/i,
  ),
  c(
    'secrets',
    GO,
    'call',
    2,
    'secret configuration',
    /\bos\.(?:Getenv|LookupEnv)\s*\(\s*"\w*(?:KEY|SECRET|TOKEN|PASSWORD|PASS)\w*"/i,
  ),

  // --- Logging
  c(
    'sensitive-logging',
    PY,
    'import',
    1,
    'logging',
    /^\s*(?:from|import)\s+(?:logging|structlog|loguru|sentry_sdk)\b/,
  ),
  c(
    'sensitive-logging',
    PY,
    'call',
    2,
    'log call',
    /\b(?:logger|logging|log|LOG)\.(?:debug|info|warning|warn|error|exception|critical)\s*\(/,
  ),
  c(
    'sensitive-logging',
    JS,
    'call',
    2,
    'log call',
    /\b(?:logger|log)\.(?:debug|info|warn|error|trace|fatal)\s*\(|(?:require\(\s*|from\s+)["'](?:winston|pino|morgan|bunyan|@sentry\/\w+)["']/,
  ),
  c('sensitive-logging', JS, 'call', 1, 'console', /\bconsole\.(?:log|info|debug|error|warn)\s*\(/),
  c(
    'sensitive-logging',
    GO,
    'call',
    2,
    'log call',
    /\b(?:log|slog|logger|zap|logrus)\.(?:Print\w*|Info\w*|Debug\w*|Error\w*|Warn\w*|Fatal\w*)\s*\(/,
  ),

  // --- File upload
  c(
    'file-upload',
    PY,
    'source',
    3,
    'uploaded file',
    /\brequest\.(?:files|FILES)\b|\bUploadFile\b|\bFileStorage\b|\bmodels\.(?:File|Image)Field\b|\bsecure_filename\b/,
  ),
  c(
    'file-upload',
    JS,
    'source',
    3,
    'uploaded file',
    /(?:require\(\s*|from\s+)["'](?:multer|busboy|formidable|express-fileupload)["']|\breq\.files?\b|\.originalname\b/,
  ),
  c(
    'file-upload',
    GO,
    'source',
    3,
    'uploaded file',
    /\br\.FormFile\s*\(|\bParseMultipartForm\s*\(|\bc\.FormFile\s*\(/,
  ),
  c(
    'file-upload',
    TPL,
    'source',
    3,
    'file input',
    /<input[^>]+type=["']?file\b|enctype=["']?multipart\/form-data/i,
  ),

  // --- Redirects
  c(
    'open-redirect',
    PY,
    'sink',
    2,
    'redirect',
    /\b(?:redirect|HttpResponseRedirect|RedirectResponse)\s*\(\s*(?!url_for\b|["'])\w/,
  ),
  c(
    'open-redirect',
    PY,
    'source',
    2,
    'redirect target parameter',
    /\brequest\.(?:args|GET|query_params|form)\.get\s*\(\s*["'](?:next|return_?to|redirect(?:_?(?:to|url|uri))?|continue|url|callback)["']/,
  ),
  c(
    'open-redirect',
    JS,
    'sink',
    2,
    'redirect',
    /\bres\.redirect\s*\(\s*(?!["'`]\/)[\w`]|\b(?:window\.)?location(?:\.href)?\s*=\s*(?!["'`]\/)[\w`]|\bredirect\s*\(\s*(?:req|searchParams|params)\b/,
  ),
  c(
    'open-redirect',
    GO,
    'sink',
    2,
    'redirect',
    /\bhttp\.Redirect\s*\(\s*w\s*,\s*r\s*,\s*(?!")\w|\bc\.Redirect\s*\(\s*\w+\s*,\s*(?!")\w/,
  ),
];

/** Files whose kind says something by itself: path regex → category, weight, label. */
export const FILE_KIND_TRIGGERS: { re: RegExp; category: CategoryId; weight: number; label: string }[] = [
  {
    re: /(?:^|\/)(?:routes?|views?|controllers?|handlers?|endpoints?|api|resources)(?:\/|\.\w+$)/i,
    category: 'input-validation',
    weight: 1,
    label: 'route/view file',
  },
  {
    re: /(?:^|\/)(?:models?|entities|schema|schemas|repositor(?:y|ies)|dao)(?:\/|\.\w+$)/i,
    category: 'sql-injection',
    weight: 1,
    label: 'model file',
  },
  {
    re: /(?:^|\/)(?:migrations?|alembic|versions|db\/migrate)\/|\.sql$/i,
    category: 'sql-injection',
    weight: 1,
    label: 'migration',
  },
  {
    re: /(?:^|\/)templates?\/|\.(?:html?|jinja2?|j2|ejs|hbs|njk|vue|svelte|jsx|tsx)$/i,
    category: 'xss',
    weight: 1,
    label: 'template/view',
  },
  {
    re: /(?:^|\/)(?:auth\w*|login|sessions?|accounts?|security)(?:\/|\.\w+$)/i,
    category: 'authentication',
    weight: 1,
    label: 'auth module',
  },
  {
    re: /(?:^|\/)(?:permissions?|policies|policy|acl|rbac|roles?)(?:\/|\.\w+$)/i,
    category: 'authorization',
    weight: 1,
    label: 'permissions module',
  },
  {
    re: /(?:^|\/)(?:uploads?|attachments?|media)(?:\/|\.\w+$)/i,
    category: 'file-upload',
    weight: 1,
    label: 'upload module',
  },
  {
    re: /(?:^|\/)(?:requirements[\w.-]*\.txt|pyproject\.toml|setup\.py|setup\.cfg|Pipfile(?:\.lock)?|poetry\.lock|package\.json|package-lock\.json|yarn\.lock|pnpm-lock\.yaml|go\.mod|go\.sum|Gemfile|Cargo\.toml|Dockerfile)$/,
    category: 'dependency-risk',
    weight: 2,
    label: 'dependency manifest',
  },
  {
    re: /(?:^|\/)(?:\.env[\w.-]*|settings\.py|config\.(?:py|js|ts)|secrets?\.\w+)$/,
    category: 'secrets',
    weight: 1,
    label: 'configuration file',
  },
];

export function languageOf(path: string): Language | undefined {
  const p = path.toLowerCase();
  if (/\.(?:py|pyw|pyi)$/.test(p)) return 'python';
  if (/\.(?:[cm]?[jt]sx?)$/.test(p)) return 'javascript';
  if (/\.(?:vue|svelte)$/.test(p)) return 'javascript';
  if (/\.go$/.test(p)) return 'go';
  if (/\.(?:java|kt)$/.test(p)) return 'java';
  if (/\.rb$/.test(p)) return 'ruby';
  if (/\.php$/.test(p)) return 'php';
  if (/\.(?:html?|jinja2?|j2|ejs|hbs|njk|mustache)$/.test(p)) return 'template';
  return undefined;
}

/** Comment-only lines do not count as code (but are scanned for agent instructions elsewhere). */
export function isCommentLine(line: string, lang: Language | undefined): boolean {
  const s = line.trimStart();
  if (lang === 'python' || lang === 'ruby') return s.startsWith('#');
  if (lang === 'template') return s.startsWith('{#') || s.startsWith('<!--');
  return s.startsWith('//') || s.startsWith('/*') || /^\*(?:\s|$)/.test(s);
}
