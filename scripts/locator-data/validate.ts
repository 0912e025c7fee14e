/**
 * Validation of the places against the national standard. The standard is a Frictionless Table Schema; it is
 * turned into a JSON Schema (types, required fields, patterns, lengths, dates) and checked with ajv, so the rules
 * come from the standard's own file, not from hand-written checks.
 */
import Ajv from 'ajv';

export interface TableField {
  name: string;
  type: 'string' | 'number' | 'date' | 'integer' | 'boolean';
  constraints?: { required?: boolean; pattern?: string; maxLength?: number; minLength?: number; enum?: string[] };
}

export function tableSchemaToJsonSchema(table: { fields: TableField[] }): object {
  const properties: Record<string, object> = {};
  const required: string[] = [];
  for (const field of table.fields) {
    const c = field.constraints ?? {};
    const property: Record<string, unknown> = {};
    if (field.type === 'number' || field.type === 'integer') property.type = field.type;
    else if (field.type === 'boolean') property.type = 'boolean';
    else property.type = 'string';
    // Table Schema patterns match the whole value (XML Schema semantics); JSON Schema patterns search.
    if (c.pattern) property.pattern = `^(?:${c.pattern})$`;
    if (field.type === 'date') property.pattern = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
    if (c.maxLength !== undefined) property.maxLength = c.maxLength;
    if (c.minLength !== undefined) property.minLength = c.minLength;
    if (c.enum) property.enum = c.enum;
    properties[field.name] = property;
    if (c.required) required.push(field.name);
  }
  return { type: 'object', properties, required };
}

/** The lists of allowed values, read from the patterns of the multi-valued fields. */
export function schemaVocabularies(table: { fields: TableField[] }): Record<string, string[]> {
  const list = (name: string) => {
    const pattern = table.fields.find((f) => f.name === name)?.constraints?.pattern ?? '';
    const inner = /\(\?:\(\?:\^\|\\\|\)\((.*)\)\)\+\$$/.exec(pattern)?.[1];
    if (!inner) throw new Error(`Motif inattendu pour ${name} : ${pattern}`);
    return inner.split('|').map((v) => v.replace(/\\(.)/g, '$1'));
  };
  return {
    services: list('services'),
    publics: list('publics_specifiquement_adresses'),
    specificSupport: list('prise_en_charge_specifique'),
    fees: list('frais_a_charge'),
    supportKinds: list('modalites_accompagnement'),
    access: list('modalites_acces'),
    labels: list('dispositif_programmes_nationaux'),
  };
}

/**
 * One problem per invalid record (null when valid), in plain words: "code_postal : ne respecte pas le motif".
 * The shared JSON leaves out `pivot` when unknown and replaces `source` with `_sources`: the standard's
 * conventions are restored before validation (pivot 00000000000000, as in the published CSV).
 */
export function validateRecords(table: { fields: TableField[] }, records: Record<string, unknown>[]): (string | null)[] {
  const ajv = new Ajv({ allErrors: false, strict: false, unicodeRegExp: true });
  const validate = ajv.compile(tableSchemaToJsonSchema(table));
  const known = new Set(table.fields.map((f) => f.name));
  const seenIds = new Set<string>();
  return records.map((record) => {
    const candidate: Record<string, unknown> = { pivot: '00000000000000' };
    for (const [key, value] of Object.entries(record)) if (known.has(key)) candidate[key] = value;
    const id = String((candidate.id as string | undefined) ?? '');
    if (seenIds.has(id)) return 'identifiant en double';
    seenIds.add(id);
    if (validate(candidate)) return null;
    const error = validate.errors![0]!;
    const field = error.instancePath.replace(/^\//, '') || (error.params as { missingProperty?: string }).missingProperty || '?';
    const words: Record<string, string> = { required: 'manquant', pattern: 'ne respecte pas le motif', type: 'mauvais type', maxLength: 'trop long' };
    return `${field} : ${words[error.keyword] ?? error.keyword}`;
  });
}
