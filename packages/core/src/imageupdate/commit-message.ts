// Flux image-automation commit messages, rendered as image-automation-controller renders them (internal/source
// source.go templateMsg): Go text/template with sprig.HermeticTxtFuncMap(), executed on source.TemplateData. What
// the Go port accepts renders byte for byte as Flux would; anything else is refused with a TemplateError.
import { BaseError } from '../errors.ts';
import { GoTemplateError, sprigHermeticFunctions, Template } from '../go/template/index.ts';
import { templateDataValue, type CommitTemplateData } from './template-data.ts';

export type { CommitTemplateData } from './template-data.ts';

/** IAC `defaultMessageTemplate`, used when `spec.git.commit.messageTemplate` is empty. */
export const defaultCommitTemplate = 'Update from image update automation';

/** The D2 reference architecture's message template, verbatim (d2-fleet clusters/update/automation.yaml). */
export const d2MessageTemplate = `Automated image update

Files:
{{ range $filename, $_ := .Changed.FileChanges -}}
- {{ $filename }}
{{ end -}}

Objects:
{{ range $resource, $changes := .Changed.Objects -}}
- {{ $resource.Kind }} {{ $resource.Name }}
  Changes:
{{- range $_, $change := $changes }}
    - {{ $change.OldValue }} -> {{ $change.NewValue }}
{{ end -}}
{{ end -}}
`;

/** The name IAC gives the template, which Go's messages cite. */
const templateName = 'commit message';

/** Why rendering failed: Go would fail too (`parse`, `execute`, `removedField`), or d2ci cannot mirror it (`unsupported`). */
export type TemplateErrorReason = 'parse' | 'execute' | 'removedField' | 'unsupported';
export type TemplateErrorCode = 'TEMPLATE_PARSE' | 'TEMPLATE_EXECUTE' | 'TEMPLATE_REMOVED_FIELD' | 'TEMPLATE_UNSUPPORTED';

const reasons: Readonly<Record<TemplateErrorCode, TemplateErrorReason>> = {
  TEMPLATE_PARSE: 'parse',
  TEMPLATE_EXECUTE: 'execute',
  TEMPLATE_REMOVED_FIELD: 'removedField',
  TEMPLATE_UNSUPPORTED: 'unsupported',
};

/** The commit message template cannot be rendered; about the message template the request gave. */
export class TemplateError extends BaseError<TemplateErrorCode> {
  constructor(code: TemplateErrorCode, message: string) {
    super(code, message, { field: 'message-template' });
    this.name = 'TemplateError';
  }

  get reason(): TemplateErrorReason {
    return reasons[this.code];
  }
}

/**
 * IAC `templateMsg`: renders `template` (or the default message when it is empty) on the data. Errors carry
 * the controller's texts, including the removed-field messages for `.Updated` and `.Changed.ImageResult`.
 */
export function renderCommitMessage(template: string, data: CommitTemplateData): string {
  const text = template === '' ? defaultCommitTemplate : template;
  const tmpl = new Template(templateName, sprigHermeticFunctions);
  try {
    tmpl.parse(text);
  } catch (error) {
    if (error instanceof GoTemplateError && error.code === 'PARSE')
      throw new TemplateError('TEMPLATE_PARSE', `unable to create commit message template from spec: ${error.message}`);
    throw translateUnsupported(error, text);
  }
  try {
    return tmpl.execute(templateDataValue(data));
  } catch (error) {
    if (error instanceof GoTemplateError && error.code === 'EXEC') {
      for (const [field, missing, replacement] of removedTemplateFields) {
        if (error.missingField?.field === missing.field && error.missingField.type === missing.type) {
          throw new TemplateError(
            'TEMPLATE_REMOVED_FIELD',
            `template uses removed '${field}' field. Please use ${replacement} instead. See: https://fluxcd.io/flux/components/image/imageupdateautomations/#message-template`,
          );
        }
      }
      throw new TemplateError('TEMPLATE_EXECUTE', `failed to run template from spec: ${error.message}`);
    }
    throw translateUnsupported(error, text);
  }
}

/** IAC `checkRemovedTemplateField`: the Go error text each removed field produces, and what replaces it. */
// Flux matches "can't evaluate field Updated in type source.TemplateData" (and ImageResult in update.Result) in
// the error text; the port's error names the field and type instead.
const removedTemplateFields: readonly [field: string, missing: { field: string; type: string }, replacement: string][] = [
  ['.Updated', { field: 'Updated', type: 'source.TemplateData' }, "'.Changed'"],
  ['.Changed.ImageResult', { field: 'ImageResult', type: 'update.Result' }, "'.Changed.FileChanges' or '.Changed.Objects'"],
];

/** A construct the Go port refuses, as the commit-message error saying where and why. */
function translateUnsupported(error: unknown, text: string): unknown {
  if (!(error instanceof GoTemplateError) || error.code !== 'UNSUPPORTED') return error;
  const where = error.pos === undefined ? '' : ` (line ${lineAt(text, error.pos)})`;
  return new TemplateError(
    'TEMPLATE_UNSUPPORTED',
    `unsupported commit message template: ${error.message}${where}; d2ci renders a subset of Go text/template and refuses what it cannot render exactly as Flux does`,
  );
}

function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 0x0a) line++;
  return line;
}
