/** Every enforceable check against lines it must flag and lines it must leave alone. */
import { describe, expect, it } from '@jest/globals';
import picomatch from 'picomatch';
import {
  CHECKS,
  checkById,
  compileCheck,
  lineViolates,
  pathsFor,
  toSecurityCheck,
} from '../../src/stations/security-consultant/checks.js';
import { makeCanaries } from '../secrets/canaries.js';

const canaries = makeCanaries(7);

const CASES: Record<string, { bad: string[]; good: string[] }> = {
  'no-sql-fstring': {
    bad: [
      `cur.execute(f"SELECT * FROM users WHERE email = '{email}'")`,
      `    query = f"DELETE FROM sessions WHERE user_id = {user_id}"`,
      `session.execute(text(f"UPDATE users SET last_login = '{now}' WHERE id = {uid}"))`,
      `rows = db.execute(f'select id from orders where status = {status}')`,
    ],
    good: [
      `cur.execute("SELECT * FROM users WHERE email = ?", (email,))`,
      `logger.info(f"Selected {count} rows")`,
      `msg = f"Please select a file from {folder}"`,
      `# f"SELECT * FROM users WHERE id = {uid}" is what we must never write`,
      `stmt = select(User).where(User.email == email)`,
      `text("SELECT * FROM users WHERE id = :id").bindparams(id=uid)`,
    ],
  },
  'no-sql-string-format': {
    bad: [
      `cursor.execute("SELECT * FROM users WHERE name = '" + name + "'")`,
      `cursor.execute("SELECT * FROM users WHERE id = %s" % user_id)`,
      `sql = "DELETE FROM items WHERE owner = '{}'".format(owner)`,
      `const q = 'SELECT * FROM users WHERE id = ' + req.params.id;`,
      `String q = "UPDATE accounts SET balance = " + amount + " WHERE id = " + id;`,
      `db.query("insert into logs values ('" + msg + "')")`,
    ],
    good: [
      `cursor.execute("SELECT * FROM users WHERE id = %s", (user_id,))`,
      `pool.query('SELECT * FROM users WHERE id = $1', [req.params.id]);`,
      `print("Select one from the menu: " + options)`,
      `label = "Total: " + str(total)`,
      `conn.execute("UPDATE users SET last_login = ? WHERE id = ?", (now, uid))`,
    ],
  },
  'no-sql-template-literal': {
    bad: [
      "await pool.query(`SELECT * FROM users WHERE email = '${email}'`);",
      'const rows = await prisma.$queryRawUnsafe(`DELETE FROM posts WHERE id = ${id}`);',
      'db.all(`select * from notes where owner = ${req.user.id}`)',
    ],
    good: [
      'const rows = await sql`SELECT * FROM users WHERE email = ${email}`;',
      'await prisma.$queryRaw`SELECT * FROM users WHERE id = ${id}`;',
      'const msg = `Selected ${n} items`;',
      "await pool.query('SELECT * FROM users WHERE email = $1', [email]);",
    ],
  },
  'no-sql-sprintf': {
    bad: [
      'q := fmt.Sprintf("SELECT * FROM users WHERE name = \'%s\'", name)',
      'db.Exec(fmt.Sprintf("DELETE FROM sessions WHERE id = %d", id))',
    ],
    good: [
      'row := db.QueryRowContext(ctx, "SELECT id FROM users WHERE email = $1", email)',
      'msg := fmt.Sprintf("user %s logged in", name)',
    ],
  },
  'no-shell-true': {
    bad: [
      'subprocess.run(cmd, shell=True)',
      'p = subprocess.Popen(f"convert {src} {dst}", shell = True, check=True)',
    ],
    good: [
      'subprocess.run(["convert", src, dst], check=True)',
      'subprocess.run(args, shell=False)',
      '# never use shell=True here',
    ],
  },
  'no-os-system': {
    bad: [
      'os.system("rm -rf " + path)',
      'os.system(f"ping {host}")',
      'out = os.popen(cmd).read()',
      'subprocess.getoutput(cmd)',
    ],
    good: ['os.system("clear")', 'os.path.join(a, b)', 'subprocess.run(["ping", "-c", "1", host])'],
  },
  'no-subprocess-built-string': {
    bad: ['subprocess.run(f"ffmpeg -i {src} {dst}")', 'subprocess.check_output("git log " + ref)'],
    good: ['subprocess.run(["ffmpeg", "-i", src, dst], check=True)', 'subprocess.run("true")'],
  },
  'no-python-eval': {
    bad: ['value = eval(request.args["expr"])', 'exec(code)', '    result = eval (expr)'],
    good: [
      'value = ast.literal_eval(text)',
      'model.eval()',
      'cursor.execute(sql, params)',
      '# eval(x) is forbidden',
    ],
  },
  'no-child-process-exec-built': {
    bad: [
      'exec(`git log ${branch}`, cb);',
      "child_process.execSync('convert ' + file + ' out.png');",
      'cp.exec(cmd + " --force")',
    ],
    good: [
      "execFile('git', ['log', branch], cb);",
      'const m = /a(b)/.exec(`${s}`);',
      "exec('ls -la', cb);",
      'const r = pattern.exec(line);',
    ],
  },
  'no-spawn-shell': {
    bad: ['spawn(cmd, args, { shell: true })'],
    good: ["spawn('git', ['status'], { shell: false })", "spawn('git', ['status'])"],
  },
  'no-js-eval': {
    bad: [
      'const v = eval(req.query.expr);',
      'const f = new Function("a", body);',
      'setTimeout("doIt()", 100);',
    ],
    good: ['const v = JSON.parse(body);', 'setTimeout(() => doIt(), 100);', 'obj.eval(x)'],
  },
  'no-go-shell': {
    bad: [
      'cmd := exec.Command("sh", "-c", "tar xf "+name)',
      'exec.CommandContext(ctx, "/bin/bash", "-c", script)',
    ],
    good: ['cmd := exec.Command("tar", "xf", name)'],
  },
  'no-request-path-to-file-api': {
    bad: [
      'return send_file(request.args["path"])',
      'with open(os.path.join(BASE, request.args.get("name"))) as f:',
    ],
    good: ['return send_from_directory(BASE, secure_filename(name))', 'with open(CONFIG_PATH) as f:'],
  },
  'no-request-path-to-fs': {
    bad: ['res.sendFile(path.join(__dirname, req.params.file));', 'fs.readFile(req.query.path, cb);'],
    good: ['res.sendFile(name, { root: PUBLIC_DIR });', "fs.readFile(CONFIG, 'utf8', cb);"],
  },
  'no-inner-html': {
    bad: ['el.innerHTML = comment.body;', 'list.innerHTML += `<li>${name}</li>`;', 'node.outerHTML = html'],
    good: [
      'el.textContent = comment.body;',
      "el.innerHTML = '';",
      'if (el.innerHTML === "") {}',
      '// el.innerHTML = x is forbidden',
    ],
  },
  'no-dangerously-set-inner-html': {
    bad: [
      '<div dangerouslySetInnerHTML={{ __html: post.body }} />',
      "el.insertAdjacentHTML('beforeend', html);",
      'document.write(msg);',
    ],
    good: ['<div>{post.body}</div>', "el.insertAdjacentText('beforeend', text);"],
  },
  'no-render-template-string-data': {
    bad: [
      'return render_template_string(f"<h1>Hello {name}</h1>")',
      'return Markup("<b>%s</b>" % name)',
      'html = mark_safe("<p>" + bio + "</p>")',
      'render_template_string(request.args["t"])',
    ],
    good: [
      'return render_template("hello.html", name=name)',
      'return render_template_string("<h1>{{ name }}</h1>", name=name)',
      'format_html("<b>{}</b>", name)',
    ],
  },
  'no-unescaped-template-output': {
    bad: ['{% autoescape false %}', '<%- user.bio %>', '{{{ comment.body }}}'],
    good: ['{{ comment.body }}', '<%= user.bio %>', '{% autoescape true %}'],
  },
  'no-go-template-html-cast': {
    bad: ['data := template.HTML(post.Body)'],
    good: ['data := template.HTML("<br>")', 'tmpl.Execute(w, post)'],
  },
  'no-request-url-fetch': {
    bad: [
      'resp = requests.get(request.args["url"], timeout=5)',
      'r = httpx.post(f"https://{host}/hook", json=payload)',
    ],
    good: ['resp = requests.get(API_URL, params={"q": q}, timeout=5)', 'url = request.args.get("url")'],
  },
  'no-request-url-fetch-js': {
    bad: ['const r = await fetch(req.query.url);', 'await axios.get(req.body.callback)'],
    good: ["const r = await fetch('https://api.example.com/items');", 'await axios.get(API + "/items")'],
  },
  'no-jwt-verification-bypass': {
    bad: [
      'claims = jwt.decode(token, options={"verify_signature": False})',
      'payload = jwt.decode(token, algorithms=["none"])',
      'token, _, err := parser.ParseUnverified(raw, claims)',
      'jwt.decode(token)',
    ],
    good: [
      'claims = jwt.decode(token, key, algorithms=["HS256"])',
      'jwt.verify(token, secret, { algorithms: ["HS256"] })',
    ],
  },
  'no-csrf-exempt': {
    bad: ['@csrf_exempt', 'app.config["WTF_CSRF_ENABLED"] = False', '@csrf.exempt'],
    good: ['@login_required', 'WTF_CSRF_ENABLED = True'],
  },
  'no-allow-any-permission': {
    bad: ['    permission_classes = [AllowAny]', 'permission_classes = (AllowAny,)'],
    good: ['    permission_classes = [IsAuthenticated]'],
  },
  'no-weak-hash': {
    bad: [
      'digest = hashlib.md5(password.encode()).hexdigest()',
      'h = hashlib.sha1(data)',
      'hashlib.new("md5", data)',
    ],
    good: ['etag = hashlib.md5(body, usedforsecurity=False).hexdigest()', 'hashlib.sha256(data).hexdigest()'],
  },
  'no-weak-hash-js': {
    bad: ["crypto.createHash('md5').update(pw).digest('hex')", 'createHmac("SHA1", key)'],
    good: ["crypto.createHash('sha256').update(body).digest('hex')"],
  },
  'no-weak-hash-go': {
    bad: ['import "crypto/md5"', 'sum := sha1.Sum(data)'],
    good: ['sum := sha256.Sum256(data)'],
  },
  'no-insecure-random': {
    bad: [
      'token = "".join(random.choice(ALPHABET) for _ in range(32))',
      'code = random.randint(100000, 999999)',
    ],
    good: ['token = secrets.token_urlsafe(32)', 'code = secrets.randbelow(900000) + 100000'],
  },
  'no-math-random': {
    bad: ['const token = Math.random().toString(36).slice(2);'],
    good: ['const token = crypto.randomBytes(32).toString("hex");'],
  },
  'no-go-math-rand': {
    bad: ['\t"math/rand"'],
    good: ['\t"crypto/rand"'],
  },
  'no-tls-verify-off': {
    bad: [
      'r = requests.get(url, verify=False)',
      'const agent = new https.Agent({ rejectUnauthorized: false });',
      'TLSClientConfig: &tls.Config{InsecureSkipVerify: true},',
      'ctx.verify_mode = ssl.CERT_NONE',
    ],
    good: [
      'r = requests.get(url, timeout=5)',
      'const agent = new https.Agent({ rejectUnauthorized: true });',
    ],
  },
  'no-pickle-loads': {
    bad: ['obj = pickle.loads(request.data)', 'data = cPickle.load(f)', 'state = dill.loads(blob)'],
    good: ['obj = json.loads(request.data)', 'blob = pickle.dumps(obj)'],
  },
  'no-yaml-unsafe-load': {
    bad: [
      'cfg = yaml.load(f)',
      'cfg = yaml.load(f, Loader=yaml.Loader)',
      'cfg = yaml.unsafe_load(text)',
      'docs = yaml.load_all(stream, Loader=yaml.FullLoader)',
      'cfg = yaml.full_load(f)',
    ],
    good: [
      'cfg = yaml.safe_load(f)',
      'cfg = yaml.load(f, Loader=yaml.SafeLoader)',
      'cfg = yaml.load(f, Loader=CSafeLoader)',
    ],
  },
  'no-node-unserialize': {
    bad: [
      "const serialize = require('node-serialize');",
      'const obj = serialize.unserialize(req.cookies.profile);',
      'ObjectInputStream in = new ObjectInputStream(socket.getInputStream());',
    ],
    good: ['const obj = JSON.parse(req.cookies.profile);'],
  },
  'no-hardcoded-credential': {
    bad: [
      'SECRET_KEY = "dev-9f8e7d6c5b4a3"',
      'DB_PASSWORD = "Sup3rS3cretValue"',
      'const apiKey = "a1b2c3d4e5f6g7h8";',
      '    "password": "hunter2hunter2",',
      'self.password = "P4ssw0rd-real"',
      'client_secret: "abcdef123456"',
    ],
    good: [
      'SECRET_KEY = os.environ["SECRET_KEY"]',
      'password = request.form["password"]',
      'PASSWORD_HASH_METHOD = "pbkdf2:sha256:260000"',
      'password = "changeme-please"',
      'api_key = "your-api-key-here"',
      'register(session, "alice@example.com", "correct horse")',
      'password_hash = Column(String(255), nullable=False)',
      'const password = process.env.DB_PASSWORD;',
      'user = login(session, email="a@b.example", password="password123")',
      "await request(app).post('/login').send({ email, password: 'hunter22' });",
    ],
  },
  'no-secret-token-literal': {
    bad: [
      `TOKEN = "${canaries.githubToken}"`,
      `OPENAI_API_KEY=${canaries.openaiKey}`,
      `aws_access_key_id = ${canaries.awsAccessKeyId}`,
      '-----BEGIN RSA PRIVATE KEY-----',
      `slack = "${canaries.slackToken}"`,
    ],
    good: ['TOKEN = os.environ["GITHUB_TOKEN"]', 'sk-learn is a nickname', '-----BEGIN PUBLIC KEY-----'],
  },
  'no-secret-in-logs': {
    bad: [
      'logger.info(f"login for {email} with {password}")',
      'logging.debug("token=%s", token)',
      "console.log('Token:', token);",
      'log.info("user %s", user.password)',
      'console.log(`key ${apiKey}`)',
    ],
    good: [
      'logger.info("password reset requested for %s", email)',
      'logger.warning("invalid token for user %s", user_id)',
      'console.log("token refreshed");',
      'logger.info("hash %s", user.password_hash)',
      'logging.info("tokens issued: %d", token_count)',
    ],
  },
  'no-client-filename': {
    bad: [
      'f.save(os.path.join(UPLOAD_DIR, f.filename))',
      'file.save(f"uploads/{file.filename}")',
      'const dest = path.join(UPLOADS, req.file.originalname);',
    ],
    good: [
      'f.save(os.path.join(UPLOAD_DIR, secure_filename(f.filename)))',
      'f.save(os.path.join(UPLOAD_DIR, f"{uuid4().hex}.png"))',
      'const dest = path.join(UPLOADS, randomUUID());',
    ],
  },
  'no-redirect-from-request': {
    bad: [
      'return redirect(request.args.get("next"))',
      'return HttpResponseRedirect(request.GET["next"])',
      'res.redirect(req.query.returnTo);',
      'res.redirect(302, req.query.url)',
    ],
    good: [
      'return redirect(url_for("index"))',
      "res.redirect('/dashboard');",
      'return redirect(safe_next(request.args.get("next")))',
    ],
  },
  'no-unpinned-requirement': {
    bad: ['flask', 'requests>=2.0', 'django[argon2]', 'pyyaml ; python_version >= "3.8"'],
    good: [
      'flask==3.0.3',
      '-r base.txt',
      '# comment',
      '',
      'requests==2.32.3 --hash=sha256:abc',
      'sqlalchemy>=2.0,<2.1',
    ],
  },
  'no-floating-npm-version': {
    bad: [
      '    "lodash": "*",',
      '    "left-pad": "latest",',
      '    "foo": "git+https://github.com/x/foo.git",',
      '    "bar": "https://example.com/bar.tgz"',
    ],
    good: [
      '    "lodash": "^4.17.21",',
      '  "homepage": "https://example.com",',
      '  "main": "dist/index.js",',
      '    "url": "git+https://github.com/x/y.git"',
    ],
  },
  'no-pipe-to-shell': {
    bad: ['RUN curl -fsSL https://example.com/install.sh | sh', 'wget -qO- https://x.example/i | sudo bash'],
    good: ['RUN curl -fsSLo tool.tgz https://example.com/tool.tgz && sha256sum -c tool.sha256'],
  },
};

describe('enforceable checks', () => {
  it('every check has test cases, a unique id and a compilable pattern without the g flag', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of CHECKS) {
      expect(CASES[c.id]).toBeDefined();
      expect(() => compileCheck(c)).not.toThrow();
      expect(c.flags ?? '').not.toContain('g');
    }
  });

  for (const [id, { bad, good }] of Object.entries(CASES)) {
    describe(id, () => {
      const check = checkById(id);
      it('exists', () => expect(check).toBeDefined());
      for (const line of bad) {
        it(`flags: ${line.slice(0, 70)}`, () => expect(lineViolates(check!, line)).toBe(true));
      }
      for (const line of good) {
        it(`allows: ${line.slice(0, 70)}`, () => expect(lineViolates(check!, line)).toBe(false));
      }
    });
  }

  it('serializes to the security.json contract with globs that match the right files', () => {
    const sql = toSecurityCheck(checkById('no-sql-fstring')!);
    expect(Object.keys(sql).sort()).toEqual(['description', 'id', 'message', 'paths', 'pattern']);
    const isMatch = picomatch(sql.paths!);
    expect(isMatch('src/models/user.py')).toBe(true);
    expect(isMatch('app.py')).toBe(true);
    expect(isMatch('web/app.js')).toBe(false);
    expect(picomatch(pathsFor(checkById('no-unpinned-requirement')!))('requirements-dev.txt')).toBe(true);
    expect(picomatch(pathsFor(checkById('no-floating-npm-version')!))('packages/a/package.json')).toBe(true);
    // The JSON round trip keeps the pattern usable.
    const back = JSON.parse(JSON.stringify(sql)) as typeof sql;
    expect(lineViolates(back, `db.execute(f"SELECT * FROM t WHERE a = {a}")`)).toBe(true);
  });
});
