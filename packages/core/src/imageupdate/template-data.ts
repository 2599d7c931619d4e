// source.TemplateData, the value Flux's commit-message templates run on (image-automation-controller
// internal/source/source.go), as Go values: the same types, field names, methods and Stringers, so that a template
// sees, prints and compares what it sees in the controller.
import {
  noMethods,
  str,
  stringField,
  stringType,
  type MapType,
  type MapValue,
  type Method,
  type SliceType,
  type SliceValue,
  type StructType,
  type StructValue,
} from '../go/template/index.ts';
import { resultChanges, resultObjects, sortedFileChanges, type Change, type ObjectIdentifier, type UpdateResult } from './result.ts';

export interface CommitTemplateData {
  /** `.AutomationObject`, the ImageUpdateAutomation's namespace and name. */
  automation: { namespace: string; name: string };
  /** `.Changed`. */
  result: UpdateResult;
  /** `.Values` (`spec.git.commit.messageTemplateValues`); absent or null is Go's nil map. */
  values?: Record<string, string> | null;
}

/** Each `.Changed` value's UpdateResult, which its Changes() and Objects() methods read. */
const results = new WeakMap<StructValue, UpdateResult>();

const changeType: StructType = {
  kind: 'struct',
  name: 'update.Change',
  fields: [stringField('OldValue'), stringField('NewValue'), stringField('Setter')],
  methods: noMethods,
};
const changeSliceType: SliceType = { kind: 'slice', name: '[]update.Change', elem: changeType };
const typeMetaType: StructType = {
  kind: 'struct',
  name: 'yaml.TypeMeta',
  methods: noMethods,
  fields: [stringField('APIVersion', { name: 'apiVersion', omitEmpty: true }), stringField('Kind', { name: 'kind', omitEmpty: true })],
};
const nameMetaType: StructType = {
  kind: 'struct',
  name: 'yaml.NameMeta',
  methods: noMethods,
  fields: [stringField('Name', { name: 'name', omitEmpty: true }), stringField('Namespace', { name: 'namespace', omitEmpty: true })],
};
// GetName, GetKind... have pointer receivers, and map keys are not addressable: templates cannot call them.
const resourceIdentifierType: StructType = {
  kind: 'struct',
  name: 'yaml.ResourceIdentifier',
  methods: noMethods,
  fields: [
    { name: 'TypeMeta', type: typeMetaType, embedded: true },
    { name: 'NameMeta', type: nameMetaType, embedded: true },
  ],
};
const objectIdentifierType: StructType = {
  kind: 'struct',
  name: 'update.ObjectIdentifier',
  methods: noMethods,
  fields: [{ name: 'ResourceIdentifier', type: resourceIdentifierType, embedded: true }],
};
const objectChangesType: MapType = {
  kind: 'map',
  name: 'update.ObjectChanges',
  key: objectIdentifierType,
  elem: changeSliceType,
  underlying: 'map[update.ObjectIdentifier][]update.Change',
};
const fileChangesType: MapType = { kind: 'map', name: 'map[string]update.ObjectChanges', key: stringType, elem: objectChangesType };
const stringMapType: MapType = { kind: 'map', name: 'map[string]string', key: stringType, elem: stringType };

/** The anonymous struct NamespacedName.MarshalLog returns. */
const namespacedNameLogType: StructType = {
  kind: 'struct',
  name: 'struct { Name string "json:\\"name\\""; Namespace string "json:\\"namespace,omitempty\\"" }',
  methods: noMethods,
  fields: [stringField('Name', { name: 'name', omitEmpty: false }), stringField('Namespace', { name: 'namespace', omitEmpty: true })],
};

const namespacedNameType: StructType = {
  kind: 'struct',
  name: 'types.NamespacedName',
  fields: [stringField('Namespace'), stringField('Name')],
  stringer: (value) => `${stringAt(value, 0)}/${stringAt(value, 1)}`,
  methods: new Map<string, Method>([
    ['String', { params: [], call: (receiver) => str(`${stringAt(receiver, 0)}/${stringAt(receiver, 1)}`) }],
    [
      'MarshalLog',
      {
        params: [],
        call: (receiver) => ({
          kind: 'struct',
          type: namespacedNameLogType,
          fields: [str(stringAt(receiver, 1)), str(stringAt(receiver, 0))],
        }),
      },
    ],
  ]),
};

const resultType: StructType = {
  kind: 'struct',
  name: 'update.Result',
  fields: [{ name: 'FileChanges', type: fileChangesType, embedded: false }],
  methods: new Map<string, Method>([
    ['Changes', { params: [], call: (receiver) => changesValue(resultChanges(receiverResult(receiver))) }],
    ['Objects', { params: [], call: (receiver) => objectChangesValue(resultObjects(receiverResult(receiver))) }],
  ]),
};

const templateDataType: StructType = {
  kind: 'struct',
  name: 'source.TemplateData',
  methods: noMethods,
  fields: [
    { name: 'AutomationObject', type: namespacedNameType, embedded: false },
    { name: 'Changed', type: resultType, embedded: false },
    { name: 'Values', type: stringMapType, embedded: false },
  ],
};

function stringAt(value: StructValue, field: number): string {
  const f = value.fields[field];
  return f?.kind === 'string' ? f.value : '';
}

function receiverResult(receiver: StructValue): UpdateResult {
  const result = results.get(receiver);
  if (!result) throw new Error('template: update.Result without its source');
  return result;
}

function changeValue(change: Change): StructValue {
  return { kind: 'struct', type: changeType, fields: [str(change.OldValue), str(change.NewValue), str(change.Setter)] };
}

/** A Go []update.Change: appending nothing to nil stays nil. */
function changesValue(changes: readonly Change[]): SliceValue {
  return { kind: 'slice', type: changeSliceType, items: changes.length === 0 ? null : changes.map(changeValue) };
}

function objectIdentifierValue(o: ObjectIdentifier): StructValue {
  const typeMeta: StructValue = { kind: 'struct', type: typeMetaType, fields: [str(o.APIVersion), str(o.Kind)] };
  const nameMeta: StructValue = { kind: 'struct', type: nameMetaType, fields: [str(o.Name), str(o.Namespace)] };
  const resourceIdentifier: StructValue = { kind: 'struct', type: resourceIdentifierType, fields: [typeMeta, nameMeta] };
  return { kind: 'struct', type: objectIdentifierType, fields: [resourceIdentifier] };
}

function objectChangesValue(objects: readonly { object: ObjectIdentifier; changes: readonly Change[] }[]): MapValue {
  return {
    kind: 'map',
    type: objectChangesType,
    entries: objects.map(({ object, changes }) => ({ key: objectIdentifierValue(object), value: changesValue(changes) })),
  };
}

/** source.TemplateData for `data`. */
export function templateDataValue(data: CommitTemplateData): StructValue {
  const files = sortedFileChanges(data.result);
  const fileChanges: MapValue = {
    kind: 'map',
    type: fileChangesType,
    entries: files.length === 0 ? null : files.map(([file, objects]) => ({ key: str(file), value: objectChangesValue(objects) })),
  };
  const values: MapValue = {
    kind: 'map',
    type: stringMapType,
    entries: data.values ? Object.entries(data.values).map(([key, value]) => ({ key: str(key), value: str(value) })) : null,
  };
  const automation: StructValue = {
    kind: 'struct',
    type: namespacedNameType,
    fields: [str(data.automation.namespace), str(data.automation.name)],
  };
  const changed: StructValue = { kind: 'struct', type: resultType, fields: [fileChanges] };
  results.set(changed, data.result);
  return { kind: 'struct', type: templateDataType, fields: [automation, changed, values] };
}
