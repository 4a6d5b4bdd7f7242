// SPDX-License-Identifier: MIT
// Checks that every math span of derivations/*.md parses with KaTeX, and that no inline span
// uses what GitHub's markdown eats before the math renderer sees it (`\\` row breaks, `\{`, `\}`,
// `\|`: write a display block, `\lbrace`/`\rbrace`, `\Vert`). A developer's check only: the
// project does not need it to build or test, and neither CMake, CTest nor CI runs it.
//
// Run it from anywhere (node 14 or later; katex is installed outside the repository):
//   mkdir -p /tmp/katex-check && (cd /tmp/katex-check && npm install katex)
//   NODE_PATH=/tmp/katex-check/node_modules node tools/check_katex.js [files...]
// Without files it checks derivations/*.md next to this script. It prints one line per failing
// span as file:line: message, then the count of spans checked; exit status 1 on any failure.
'use strict';
const fs = require('fs');
const path = require('path');
const katex = require('katex');

// The math spans of one markdown text: fenced code blocks and inline code spans are skipped;
// $$...$$ is a display span (it may run over several lines), $...$ an inline one (the opening $
// not followed by a space, the closing $ not preceded by one, as GitHub and pandoc read them).
function spans(text) {
  const out = [];
  const lines = text.split('\n');
  let fence = null;
  let buf = [];  // [line number, text] of the lines outside fences, in order
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i].match(/^\s*(`{3,}|~{3,})/);
    if (fence) { if (m && m[1][0] === fence[0] && m[1].length >= fence.length) fence = null; continue; }
    if (m) { fence = m[1]; continue; }
    buf.push([i + 1, lines[i]]);
  }
  // Join the remaining lines, remembering where each character came from.
  let s = '', lineOf = [];
  for (const [n, l] of buf) { s += l + '\n'; for (let k = 0; k <= l.length; k++) lineOf.push(n); }
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') { i += 2; continue; }
    if (c === '`') {  // an inline code span: skip to the same run of backticks
      let run = 0; while (s[i + run] === '`') run++;
      const close = s.indexOf('`'.repeat(run), i + run);
      i = close < 0 ? i + run : close + run;
      continue;
    }
    if (c !== '$') { i++; continue; }
    const display = s[i + 1] === '$';
    const open = display ? 2 : 1;
    let j = i + open, end = -1;
    while (j < s.length) {
      if (s[j] === '\\') { j += 2; continue; }
      if (!display && s[j] === '\n' && s[j + 1] === '\n') break;  // inline math ends with its paragraph
      if (s[j] === '$') {
        if (display) { if (s[j + 1] === '$') { end = j; break; } }
        else if (s[j + 1] !== '$') { end = j; break; }
      }
      j++;
    }
    const body = end < 0 ? '' : s.slice(i + open, end);
    if (!display && (end < 0 || /^\s/.test(body))) { i += open; continue; }  // a dollar sign in text
    let problem = null;
    if (end < 0) problem = '$$ is never closed';
    else if (!display && /\s$/.test(body)) problem = 'a space before the closing $: GitHub does not read this as math';
    out.push({ line: lineOf[i], display, body, problem });
    if (end < 0) break;
    i = end + open;
  }
  return out;
}

function check(file) {
  const failures = [];
  const list = spans(fs.readFileSync(file, 'utf8'));
  for (const sp of list) {
    const where = `${file}:${sp.line}`;
    if (sp.problem) { failures.push(`${where}: ${sp.problem}  in ${sp.display ? '$$' : '$'}${sp.body}`); continue; }
    try {
      katex.renderToString(sp.body, { displayMode: sp.display, throwOnError: true, strict: 'error' });
    } catch (e) {
      failures.push(`${where}: ${e.message.split('\n')[0]}  in ${sp.display ? '$$' : '$'}${sp.body}`);
      continue;
    }
    if (!sp.display) {
      const bad = sp.body.match(/\\\\|\\\{|\\\}|\\\|/);
      if (bad) failures.push(`${where}: GitHub's markdown eats "${bad[0]}" in inline math  in $${sp.body}$`);
    }
  }
  return { count: list.length, failures };
}

const root = path.resolve(__dirname, '..', 'derivations');
const files = process.argv.length > 2 ? process.argv.slice(2)
  : fs.readdirSync(root).filter(f => f.endsWith('.md')).sort().map(f => path.join(root, f));
let count = 0, failed = 0;
for (const f of files) {
  const r = check(f);
  count += r.count; failed += r.failures.length;
  for (const line of r.failures) console.log(line);
}
console.log(`${count} math spans checked in ${files.length} files, ${failed} failing`);
process.exit(failed ? 1 : 0);
