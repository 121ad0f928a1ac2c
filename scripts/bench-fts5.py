#!/usr/bin/env python3
"""The measurement behind the search-index decision: SQLite FTS5 on the same corpus.

usage: scripts/bench-fts5.py CONTENT_DIR
Builds an FTS5 table (same fields and weights as errwiki's index, via bm25()), reports its build
time and size, then times whole `sqlite3` processes answering the benchmark queries (hyperfine),
comparable with scripts/bench-lookup.sh. Needs python3-yaml (PyYAML), sqlite3 and hyperfine.
"""
import json, os, pathlib, re, subprocess, sys, tempfile, time
import yaml

content = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Content")
work = pathlib.Path(tempfile.mkdtemp(prefix="errwiki-fts5-"))
db = work / "index.db"

def texts(value):
    if value is None: return ""
    if isinstance(value, list): return " ".join(texts(v) for v in value)
    if isinstance(value, dict): return " ".join(texts(v) for v in value.values())
    return str(value)

start = time.time()
rows = []
for path in sorted(content.rglob("*.md")):
    text = path.read_text(encoding="utf-8", errors="replace")
    end = text.find("\n---", 3)
    try:
        fm = yaml.safe_load(text[3:end]) or {}
    except yaml.YAMLError:
        continue
    rows.append((fm.get("id", path.stem), texts(fm.get("codes")), texts(fm.get("title")), texts(fm.get("tags")),
                 texts(fm.get("summary")), texts([fm.get("key_details"), fm.get("causes"), fm.get("samples")]),
                 texts([fm.get("steps"), fm.get("faq")]), text[end + 4:]))
parsed = time.time()
import sqlite3
connection = sqlite3.connect(db)
connection.execute("create virtual table articles using fts5(id, codes, title, tags, summary, details, steps, body, tokenize='unicode61')")
connection.executemany("insert into articles values (?,?,?,?,?,?,?,?)", rows)
connection.commit()
connection.execute("insert into articles(articles) values('optimize')")
connection.commit()
connection.close()
built = time.time()
print(f"{len(rows)} articles: parse {parsed - start:.2f} s, FTS5 build {built - parsed:.2f} s, db {os.path.getsize(db) / 1e6:.1f} MB")

queries = ["oom", "ENOSPC", "137", "HTTP 502", "ECONNREF*", "crashloop*", "disk full", "port already in use",
           "process killed out of memory", "too many open files"]
commands = []
for q in queries:
    match = " ".join('"%s"' % t if not t.endswith("*") else '"%s"*' % t[:-1] for t in re.findall(r"[\w*]+", q))
    sql = f"select id from articles where articles match '{match}' order by bm25(articles, 10, 10, 6, 4, 3, 2, 1, 1) limit 5;"
    commands.append(f"sqlite3 {db} \"{sql}\"")
out = work / "runs.json"
subprocess.run(["hyperfine", "-N", "-i", "--warmup", "2", "--runs", "25", "--export-json", str(out)] + commands,
               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
runs = json.load(open(out))["results"]
times = sorted(t * 1000 for r in runs for t in r["times"])
q = lambda p: times[min(len(times) - 1, int(p * len(times)))]
print(f"sqlite3 process per query: p50 {q(0.5):.1f} ms, p95 {q(0.95):.1f} ms")
for r, query in zip(runs, queries):
    print(f"  {sorted(r['times'])[len(r['times']) // 2] * 1000:6.1f} ms  {query}")
