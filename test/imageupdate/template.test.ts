import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../harness/action.ts';
import {
  defaultCommitTemplate,
  renderCommitMessage,
  TemplateError,
  type CommitTemplateData,
} from '../../packages/core/src/imageupdate/commit-message.ts';
import { pushSummary } from '../../packages/core/src/imageupdate/push-summary.ts';
import {
  resultChanges,
  resultObjects,
  type Change,
  type ObjectChanges,
  type UpdateResult,
} from '../../packages/core/src/imageupdate/result.ts';

const fixtures = join(repoRoot, 'test/fixtures/image-automation');

function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(fixtures, name), 'utf8')) as T;
}

interface FixtureObject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string;
}

interface TemplateCase {
  name: string;
  messageTemplate: string;
  data?: {
    AutomationObject: { namespace: string; name: string };
    Changed: { FileChanges: Record<string, { object: FixtureObject; changes: Change[] }[]> };
    Values: Record<string, string> | null;
  };
  expected?: string;
  expectedContains?: string[];
  expectError?: boolean;
  expectedError?: string;
}

interface PushSummaryCase {
  name: string;
  rev: string;
  commitMsg: string;
  refspecs: string[];
  expected?: string;
  expectError?: boolean;
}

function objectChanges(object: FixtureObject, changes: Change[]): ObjectChanges {
  return { object: { APIVersion: object.apiVersion, Kind: object.kind, Name: object.name, Namespace: object.namespace }, changes };
}

function templateData(data: TemplateCase['data']): CommitTemplateData {
  if (!data) return { automation: { namespace: 'flux-system', name: 'automation' }, result: { fileChanges: new Map() } };
  const fileChanges = new Map(
    Object.entries(data.Changed.FileChanges).map(([file, objects]) => [file, objects.map((o) => objectChanges(o.object, o.changes))]),
  );
  return { automation: data.AutomationObject, result: { fileChanges }, values: data.Values };
}

function expectTemplateError(fn: () => unknown, reason: TemplateError['reason'], message: string | RegExp): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof TemplateError, `expected a TemplateError, got ${String(error)}`);
    assert.equal(error.reason, reason, error.message);
    if (typeof message === 'string') assert.equal(error.message, message);
    else assert.match(error.message, message);
    return true;
  });
}

const deployment = { APIVersion: 'apps/v1', Kind: 'Deployment', Name: 'podinfo', Namespace: 'apps' };
const sampleResult: UpdateResult = {
  fileChanges: new Map([
    [
      'b/deploy.yaml',
      [{ object: deployment, changes: [{ OldValue: 'podinfo:1.0.0', NewValue: 'podinfo:1.1.0', Setter: 'apps:podinfo' }] }],
    ],
    [
      'a/kustomization.yaml',
      [
        {
          object: { APIVersion: '', Kind: '', Name: '', Namespace: '' },
          changes: [{ OldValue: '1.0.0', NewValue: '1.1.0', Setter: 'apps:podinfo:tag' }],
        },
        { object: deployment, changes: [{ OldValue: 'redis:7.0', NewValue: 'redis:7.2', Setter: 'apps:redis' }] },
      ],
    ],
  ]),
};
const sample: CommitTemplateData = {
  automation: { namespace: 'apps', name: 'updates' },
  result: sampleResult,
  values: { env: 'prod', team: 'web' },
};

function render(template: string, data: CommitTemplateData = sample): string {
  return renderCommitMessage(template, data);
}

describe('renderCommitMessage: upstream and D2 fixtures (commit-messages/templates.json)', () => {
  const { cases } = readFixture<{ cases: TemplateCase[] }>('commit-messages/templates.json');

  it('has every case this test was written for', () => {
    assert.equal(cases.length, 10);
  });

  for (const testCase of cases) {
    it(testCase.name, () => {
      const data = templateData(testCase.data);
      if (testCase.expectError) {
        assert.ok(testCase.expectedError, 'an error case states its error text');
        expectTemplateError(() => renderCommitMessage(testCase.messageTemplate, data), 'removedField', testCase.expectedError);
        return;
      }
      const message = renderCommitMessage(testCase.messageTemplate, data);
      if (testCase.expected !== undefined) assert.equal(message, testCase.expected);
      else {
        assert.ok(testCase.expectedContains && testCase.expectedContains.length > 0, 'a case states expected or expectedContains');
        for (const part of testCase.expectedContains)
          assert.ok(message.includes(part), `${JSON.stringify(message)} contains ${JSON.stringify(part)}`);
      }
    });
  }

  it('object changes aggregated across files: the merged list follows file order, deterministically', () => {
    const testCase = cases.find((c) => c.name === 'object changes aggregated across files');
    assert.ok(testCase?.data);
    const data = templateData(testCase.data);
    const objects =
      '{{ range $o, $changes := .Changed.Objects }}{{ $o.Kind }}/{{ $o.Name }}:{{ range $changes }} {{ .OldValue }}->{{ .NewValue }}{{ end }}\n{{ end }}';
    assert.equal(renderCommitMessage(objects, data), 'Deployment/podinfo: podinfo:v1.0.0->podinfo:v1.0.1 1->2\n');
    // The same when the files were recorded in the other order.
    const reversed: CommitTemplateData = { ...data, result: { fileChanges: new Map([...data.result.fileChanges].reverse()) } };
    assert.equal(renderCommitMessage(objects, reversed), 'Deployment/podinfo: podinfo:v1.0.0->podinfo:v1.0.1 1->2\n');
  });
});

describe('pushSummary (commit-messages/push-summary.json)', () => {
  const fixture = readFixture<{ branch: string; cases: PushSummaryCase[] }>('commit-messages/push-summary.json');

  it('has every case this test was written for', () => {
    assert.equal(fixture.cases.length, 6);
  });

  for (const testCase of fixture.cases) {
    it(testCase.name, () => {
      if (testCase.expectError) {
        assert.throws(
          () => pushSummary(testCase.rev, fixture.branch, testCase.refspecs, testCase.commitMsg),
          /^Error: empty push commit revision$/,
        );
        return;
      }
      assert.equal(pushSummary(testCase.rev, fixture.branch, testCase.refspecs, testCase.commitMsg), testCase.expected);
    });
  }

  it('takes the hash out of a Flux revision', () => {
    assert.equal(
      pushSummary('main@sha1:a47b32f4814810acac804df5054ec37cbfdbfb53', 'main', [], ''),
      "pushed commit 'a47b32f' to branch 'main'",
    );
    assert.equal(pushSummary('main/a47b32f4814810acac804df5054ec37cbfdbfb53', 'main', [], ''), "pushed commit 'a47b32f' to branch 'main'");
  });
});

describe('renderCommitMessage: template language', () => {
  it('uses the default message for an empty template', () => {
    assert.equal(render(''), defaultCommitTemplate);
  });

  it('trims with {{- and -}}, and only with a space next to the dash', () => {
    assert.equal(render('a  \n {{- "b" -}} \n\t c'), 'abc');
    assert.equal(render('a {{- "b" }} c'), 'ab c');
    assert.equal(render('a {{ "b" -}}\n\n c'), 'a bc');
    assert.equal(render('{{ -3 }}|{{-3}}'), '-3|-3');
    assert.equal(render('x\n{{- /* a comment */ -}}\ny'), 'xy');
    assert.equal(render('x {{/* kept spaces */}} y'), 'x  y');
  });

  it('ranges over maps in sorted key order: strings byte-wise, objects field by field', () => {
    const data: CommitTemplateData = { ...sample, values: { b: '2', B: '1', a: '3', é: '4', '\u{1F600}': '5', '\uFFFD': '6' } };
    assert.equal(render('{{ range $k, $v := .Values }}{{ $k }}={{ $v }} {{ end }}', data), 'B=1 a=3 b=2 é=4 \uFFFD=6 \u{1F600}=5 ');
    assert.equal(render('{{ range $file, $_ := .Changed.FileChanges }}{{ $file }} {{ end }}'), 'a/kustomization.yaml b/deploy.yaml ');
    // The kustomization (all fields empty) sorts before apps/v1; then Kind, Name, Namespace.
    assert.equal(render('{{ range $o, $c := .Changed.Objects }}[{{ $o.Kind }} {{ len $c }}]{{ end }}'), '[ 1][Deployment 2]');
  });

  it('prints values the way fmt does', () => {
    assert.equal(
      render('{{ .AutomationObject }} {{ .AutomationObject.Name }} {{ .AutomationObject.String }}'),
      'apps/updates updates apps/updates',
    );
    assert.equal(
      render('{{ range $o, $c := .Changed.Objects }}{{ $o }}={{ $c }};{{ end }}'),
      '{{{ } { }}}=[{1.0.0 1.1.0 apps:podinfo:tag}];{{{apps/v1 Deployment} {podinfo apps}}}=[{redis:7.0 redis:7.2 apps:redis} {podinfo:1.0.0 podinfo:1.1.0 apps:podinfo}];',
    );
    assert.equal(
      render('{{ .Values }} {{ .Values.missing }} {{ index .Values "missing" | printf "%q" }}'),
      'map[env:prod team:web] <no value> ""',
    );
    assert.equal(render('{{ .Changed.Changes | len }} {{ 42 }} {{ true }} {{ print 1 2 "a" "b" 3 nil }}'), '3 42 true 1 2ab3 <nil>');
    assert.equal(
      render('{{ printf "%s|%d|%v|%q|%%|%d" .AutomationObject 7 .Values.missing "x" "y" }}{{ printf "%s" }}{{ printf "" 1 }}'),
      'apps/updates|7|<nil>|"x"|%|%!d(string=y)%!s(MISSING)%!(EXTRA int=1)',
    );
  });

  it('binds dot and variables in range, with, if/else if/else, and supports break and continue', () => {
    assert.equal(
      render(
        '{{ range .Changed.Changes }}{{ if eq .Setter "apps:redis" }}R{{ else if hasSuffix ":tag" .Setter }}T{{ else }}O{{ end }}{{ end }}',
      ),
      'TRO',
    );
    assert.equal(
      render('{{ range $i, $c := .Changed.Changes }}{{ $i }}:{{ $c.NewValue }} {{ end }}'),
      '0:1.1.0 1:redis:7.2 2:podinfo:1.1.0 ',
    );
    assert.equal(
      render('{{ range $c := .Changed.Changes }}{{ if eq $c.Setter "apps:redis" }}{{ continue }}{{ end }}{{ $c.Setter }} {{ end }}'),
      'apps:podinfo:tag apps:podinfo ',
    );
    assert.equal(render('{{ range .Changed.Changes }}{{ .Setter }}{{ break }}{{ end }}'), 'apps:podinfo:tag');
    assert.equal(render('{{ with .Values.env }}env={{ . }}{{ end }}{{ with .Values.none }}x{{ else }} none{{ end }}'), 'env=prod none');
    assert.equal(render('{{ with .Values.none }}x{{ else with .Values.team }}team={{ . }}{{ end }}'), 'team=web');
    assert.equal(
      render('{{ $n := 0 }}{{ range .Changed.Changes }}{{ $n = add1 $n }}{{ end }}{{ $n }} {{ $.AutomationObject.Namespace }}'),
      '3 apps',
    );
    assert.equal(render('{{ range $i := 3 }}{{ $i }}{{ . }}{{ end }}|{{ range 0 }}x{{ else }}none{{ end }}'), '001122|none');
  });

  it('runs the else branch of an empty range, including nil maps and slices', () => {
    const empty: CommitTemplateData = { automation: sample.automation, result: { fileChanges: new Map() } };
    assert.equal(
      render(
        '{{ range .Changed.FileChanges }}x{{ else }}no files{{ end }} {{ range .Changed.Changes }}x{{ else }}no changes{{ end }} {{ range .Values }}x{{ else }}no values{{ end }}',
        empty,
      ),
      'no files no changes no values',
    );
    assert.equal(
      render('{{ .Changed.Changes }} {{ .Changed.Objects }} {{ .Changed }} {{ toJson .Changed }}', empty),
      '[] map[] {map[]} {"FileChanges":null}',
    );
  });

  it('implements the sprig functions commit templates use', () => {
    assert.equal(
      render(
        '{{ "Hello World" | lower }} {{ upper "abc" }} {{ title "hello wide-world" }} {{ trim "  x \\n" }} {{ "ab-cd" | replace "-" "_" }}',
      ),
      'hello world ABC Hello Wide-World x ab_cd',
    );
    assert.equal(
      render(
        '{{ trimPrefix "v" "v1.2" }} {{ trimSuffix ".yaml" "a.yaml" }} {{ contains "foo" "seafood" }} {{ hasPrefix "a" "abc" }} {{ hasSuffix "c" "abc" }}',
      ),
      '1.2 a true true true',
    );
    assert.equal(
      render(
        '{{ splitList "," "b,a,b" | uniq | join "+" }} {{ splitList "," "b,a,c" | sortAlpha | first }} {{ splitList "," "b,a,c" | last }}',
      ),
      'b+a a c',
    );
    assert.equal(
      render(
        '{{ .Values.missing | default "none" }} {{ .Values.env | default "none" }} {{ quote "a\\"b" 1 }} {{ squote "x" }} {{ nospace " a b\\t" }}',
      ),
      'none prod "a\\"b" "1" \'x\' ab',
    );
    assert.equal(
      render('{{ trunc 3 "abcdef" }} {{ trunc -2 "abcdef" }} {{ repeat 3 "ab" }} [{{ indent 2 "a\\nb" }}] [{{ nindent 2 "a" }}]'),
      'abc ef ababab [  a\n  b] [\n  a]',
    );
    assert.equal(
      render('{{ toJson .Values }} {{ toJson .Changed.Changes }} {{ toJson "<a&b>" }} {{ toJson .Changed.Objects }}|'),
      '{"env":"prod","team":"web"} [{"OldValue":"1.0.0","NewValue":"1.1.0","Setter":"apps:podinfo:tag"},{"OldValue":"redis:7.0","NewValue":"redis:7.2","Setter":"apps:redis"},{"OldValue":"podinfo:1.0.0","NewValue":"podinfo:1.1.0","Setter":"apps:podinfo"}] "\\u003ca\\u0026b\\u003e" |',
    );
    assert.equal(
      render('{{ range $f, $_ := .Changed.FileChanges }}{{ base $f }},{{ dir $f }},{{ ext $f }} {{ end }}'),
      'kustomization.yaml,a,.yaml deploy.yaml,b,.yaml ',
    );
  });

  it('compares like Go: eq with several candidates, type errors for mixed kinds', () => {
    assert.equal(
      render(
        '{{ eq .Values.env "dev" "prod" }} {{ ne 1 2 }} {{ lt "a" "b" }} {{ ge 2 2 }} {{ and 1 "" 2 }}|{{ or "" 0 "x" }} {{ not .Values.missing }}',
      ),
      'true true true true |x true',
    );
    expectTemplateError(
      () => render('{{ eq .Values.env 1 }}'),
      'execute',
      'failed to run template from spec: template: commit message:1:3: executing "commit message" at <eq .Values.env 1>: error calling eq: incompatible types for comparison: string and int',
    );
  });

  it('reports Go parse and execution errors with Go text', () => {
    expectTemplateError(
      () => render('ok\n{{ nope .X }}'),
      'parse',
      'unable to create commit message template from spec: template: commit message:2: function "nope" not defined',
    );
    expectTemplateError(
      () => render('{{ if .Values }}'),
      'parse',
      'unable to create commit message template from spec: template: commit message:1: unexpected EOF',
    );
    expectTemplateError(
      () => render('{{ $x }}'),
      'parse',
      'unable to create commit message template from spec: template: commit message:1: undefined variable "$x"',
    );
    expectTemplateError(
      () => render('{{ .X'),
      'parse',
      'unable to create commit message template from spec: template: commit message:1: unclosed action',
    );
    expectTemplateError(
      () => render('a\n  {{ .Changed.Nope }}'),
      'execute',
      'failed to run template from spec: template: commit message:2:13: executing "commit message" at <.Changed.Nope>: can\'t evaluate field Nope in type update.Result',
    );
    expectTemplateError(
      () => render('{{ lower .AutomationObject }}'),
      'execute',
      'failed to run template from spec: template: commit message:1:9: executing "commit message" at <.AutomationObject>: wrong type for value; expected string; got types.NamespacedName',
    );
  });

  it('refuses constructs it does not implement, naming them', () => {
    expectTemplateError(
      () => render('x\n{{ define "t" }}x{{ end }}'),
      'unsupported',
      /^unsupported commit message template: \{\{define\}\} \(line 2\);/,
    );
    expectTemplateError(() => render('{{ template "t" }}'), 'unsupported', /\{\{template\}\} \(line 1\)/);
    expectTemplateError(
      () => render('{{ regexMatch "a" "b" }}'),
      'unsupported',
      /function "regexMatch" \(Flux has it, d2ci does not implement it\) \(line 1\)/,
    );
    expectTemplateError(() => render('{{ printf "%5s" "a" }}'), 'unsupported', /printf verb or flag in "%5" .*\(line 1\)/);
    expectTemplateError(() => render('{{ 1.5 }}'), 'unsupported', /number literal 1\.5/);
    expectTemplateError(() => render('{{ upper "ᾀ" }}'), 'unsupported', /upper of "ᾀ"/);
    expectTemplateError(() => render('{{ trunc 1 "é" }}'), 'unsupported', /trunc 1 cutting a multi-byte character/);
  });
});

describe('result helpers: Changes() and Objects() in a deterministic order', () => {
  it('orders by file, then object; merges an object across files; de-duplicates changes', () => {
    const duplicate: UpdateResult = {
      fileChanges: new Map([
        ...sampleResult.fileChanges,
        ['c.yaml', [{ object: deployment, changes: [{ OldValue: 'redis:7.0', NewValue: 'redis:7.2', Setter: 'apps:redis' }] }]],
      ]),
    };
    assert.deepEqual(
      resultChanges(duplicate).map((c) => c.Setter),
      ['apps:podinfo:tag', 'apps:redis', 'apps:podinfo'],
    );
    assert.deepEqual(
      resultObjects(duplicate).map((o) => [o.object.Kind, o.changes.map((c) => c.Setter)]),
      [
        ['', ['apps:podinfo:tag']],
        ['Deployment', ['apps:redis', 'apps:podinfo', 'apps:redis']],
      ],
    );
  });
});
