// Registry text reaching a GitHub log line or a job summary: it can neither start a workflow command nor break a
// Markdown table, inject HTML, or drive the terminal.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cell, runner } from '@d2ci/action-kit';
import { escapeControls } from '@d2ci/core';

const hostile = 'r1\n::warning::owned\r\n::add-mask::x|<img src=https://evil/p.gif>![t](https://evil/t.gif)`x`\u001b[31mred\u0007';

function captured(fn: () => void): string {
  const write = process.stdout.write.bind(process.stdout);
  let out = '';
  process.stdout.write = (chunk: string) => {
    out += chunk;
    return true;
  };
  try {
    fn();
  } finally {
    process.stdout.write = write;
  }
  return out;
}

describe('registry text in logs and summaries', () => {
  it('a log line never starts a workflow command and carries no control characters', () => {
    const out = captured(() => runner.info(`revision ${hostile}`));
    for (const line of out.split(/\r?\n/)) assert.doesNotMatch(line, /^\s*::/, line);
    assert.doesNotMatch(out, /[\u0000-\u0009\u000b-\u001f]/);
    assert.match(out, /\\u001b\[31mred\\u0007/);
  });

  it('a summary cell stays one cell of one line, with no HTML', () => {
    const text = cell(hostile);
    assert.doesNotMatch(text, /\n|\r/);
    assert.doesNotMatch(text, /(?<!\\)\|/);
    assert.doesNotMatch(text, /<img/);
    assert.match(text, /&lt;img src=https:\/\/evil\/p\.gif&gt;/);
    assert.doesNotMatch(text, /\u001b/);
    assert.match(text, /!\\\[t\\\]\(https:\/\/evil\/t\.gif\)/, 'no Markdown image');
    assert.match(text, /\\`x\\`/, 'no code span');
  });

  it('escapeControls shows C0/C1 controls and line separators as \\u escapes, and leaves other text alone', () => {
    assert.equal(escapeControls('a\u001bb\u2028c\u0085d é ✔'), 'a\\u001bb\\u2028c\\u0085d é ✔');
  });
});
