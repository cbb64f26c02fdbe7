// A small unified diff of two texts (line-based LCS), for the demo's "what --fix changes" output.

/** Returns a unified diff with 2 lines of context, or '' when the texts are equal. */
export function unifiedDiff(before, after, name, context = 2) {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const lines = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ op: ' ', text: a[i], line: i + 1 });
      i += 1;
      j += 1;
    } else if (j < b.length && (i === a.length || lcs[i][j + 1] > lcs[i + 1][j])) {
      lines.push({ op: '+', text: b[j], line: i + 1 });
      j += 1;
    } else {
      lines.push({ op: '-', text: a[i], line: i + 1 });
      i += 1;
    }
  }
  const changed = lines.map((entry, index) => (entry.op === ' ' ? -1 : index)).filter((index) => index >= 0);
  if (changed.length === 0) return '';
  const out = [`--- ${name}`, `+++ ${name} (fixed)`];
  let start = -1;
  let end = -1;
  const flush = () => {
    if (start < 0) return;
    out.push(`@@ line ${lines[start].line} @@`);
    for (let k = start; k <= end; k += 1) out.push(`${lines[k].op}${lines[k].text}`);
  };
  for (const index of changed) {
    const from = Math.max(0, index - context);
    const to = Math.min(lines.length - 1, index + context);
    if (start >= 0 && from <= end + 1) {
      end = Math.max(end, to);
    } else {
      flush();
      start = from;
      end = to;
    }
  }
  flush();
  return `${out.join('\n')}\n`;
}
