/**
 * Checks a data package offline: the descriptor against the Frictionless Data Package 2.0 profile
 * and each resource's schema against the Table Schema 2.0 profile (the JSON Schemas shipped in
 * data/frictionless, with Ajv), then every CSV against its Table Schema — field names, types,
 * constraints, primary keys and foreign keys. Each problem says where it is and what is wrong.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parse } from 'csv-parse/sync';
import { parsePartialDate } from '../../shared/dates.js';
import { DATA_DIR } from '../reference/reference.service.js';

export type PackageProblem = { file: string; row?: number; field?: string; message: string };

type FieldDescriptor = {
  name: string;
  type: string;
  format?: string;
  constraints?: {
    required?: boolean;
    unique?: boolean;
    enum?: readonly string[];
    pattern?: string;
    minimum?: number;
    maximum?: number;
  };
};
type SchemaDescriptor = {
  fields: FieldDescriptor[];
  primaryKey?: string[];
  foreignKeys?: { fields: string[]; reference: { resource?: string; fields: string[] } }[];
  missingValues?: string[];
};
type ResourceDescriptor = { name: string; path: string; schema?: SchemaDescriptor; bytes?: number; hash?: string };

let validators: { pkg: ValidateFunction; table: ValidateFunction } | undefined;

/** The shipped profiles, compiled once per process. */
function profileValidators() {
  if (!validators) {
    // The profiles carry editor hints (propertyOrder, options) that strict mode would refuse.
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const load = (name: string) => JSON.parse(readFileSync(join(DATA_DIR, 'frictionless', name), 'utf8'));
    validators = { pkg: ajv.compile(load('datapackage.json')), table: ajv.compile(load('tableschema.json')) };
  }
  return validators;
}

function ajvProblems(file: string, where: string, errors: ErrorObject[] | null | undefined): PackageProblem[] {
  return (errors ?? []).map((e) => ({
    file,
    message: `${where}${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params && 'allowedValues' in e.params ? ` (${String(e.params.allowedValues)})` : ''}`,
  }));
}

/** The descriptor and every resource's schema against the Frictionless JSON Schemas. */
export function validateDescriptor(descriptor: unknown): PackageProblem[] {
  const { pkg, table } = profileValidators();
  const problems: PackageProblem[] = [];
  if (!pkg(descriptor)) problems.push(...ajvProblems('datapackage.json', '', pkg.errors));
  const listed = (descriptor as { resources?: unknown }).resources;
  const resources = Array.isArray(listed) ? (listed as ResourceDescriptor[]) : [];
  resources.forEach((resource, i) => {
    if (resource.schema !== undefined && !table(resource.schema)) {
      problems.push(...ajvProblems('datapackage.json', `/resources/${i}/schema`, table.errors));
    }
  });
  return problems;
}

const INTEGER = /^-?[0-9]+$/;
const NUMBER = /^-?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/;

function typeProblem(field: FieldDescriptor, value: string): string | undefined {
  if (field.type === 'integer' && !INTEGER.test(value)) return `"${value}" is not an integer`;
  if (field.type === 'number' && !NUMBER.test(value)) return `"${value}" is not a number`;
  if (field.type === 'date' && parsePartialDate(value)?.precision !== 'day')
    return `"${value}" is not a date (YYYY-MM-DD)`;
  if (field.format === 'uri' && !URL.canParse(value)) return `"${value}" is not a URI`;
  return undefined;
}

const patterns = new Map<string, RegExp>();
/** A Table Schema pattern matches the whole value (XML Schema regular expressions are anchored). */
function patternOf(pattern: string): RegExp {
  let compiled = patterns.get(pattern);
  if (!compiled) {
    compiled = new RegExp(`^(?:${pattern})$`);
    patterns.set(pattern, compiled);
  }
  return compiled;
}

function constraintProblem(field: FieldDescriptor, value: string): string | undefined {
  const c = field.constraints;
  if (!c) return undefined;
  if (c.enum && !c.enum.includes(value)) return `"${value}" is not one of ${c.enum.join(', ')}`;
  if (c.pattern && !patternOf(c.pattern).test(value)) return `"${value}" does not match ${c.pattern}`;
  const n = Number(value);
  if (c.minimum !== undefined && n < c.minimum) return `${value} is below the minimum ${c.minimum}`;
  if (c.maximum !== undefined && n > c.maximum) return `${value} is above the maximum ${c.maximum}`;
  return undefined;
}

/** A table as read: its header and its rows of cells (empty cell: ""), in file order. */
export type ParsedTable = { header: string[]; rows: string[][] };

export function parseTableCsv(text: string): ParsedTable {
  const records = parse(text, { bom: true, relax_column_count: false, skip_empty_lines: true }) as string[][];
  const [header = [], ...rows] = records;
  return { header, rows };
}

/** The rows of a table as objects keyed by field name. */
export function recordsOf(table: ParsedTable | undefined): Record<string, string>[] {
  if (!table) return [];
  return table.rows.map((row) => Object.fromEntries(table.header.map((name, i) => [name, row[i] ?? ''])));
}

/** The resource files of a package read as tables, with what keeps a file from being read. */
export function readTables(
  descriptor: { resources?: ResourceDescriptor[] },
  read: (path: string) => Uint8Array | undefined,
): { problems: PackageProblem[]; tables: Map<string, ParsedTable> } {
  const problems: PackageProblem[] = [];
  const tables = new Map<string, ParsedTable>();
  const resources = Array.isArray(descriptor.resources) ? descriptor.resources : [];
  for (const resource of resources) {
    const bytes = read(resource.path);
    if (!bytes) {
      problems.push({
        file: resource.path,
        message: `the package lacks ${resource.path}, which resource ${resource.name} names`,
      });
      continue;
    }
    if (resource.bytes !== undefined && resource.bytes !== bytes.length) {
      problems.push({
        file: resource.path,
        message: `is ${bytes.length} bytes; the descriptor says ${resource.bytes}`,
      });
    }
    const [algorithm, expected] = resource.hash?.includes(':') ? resource.hash.split(':') : ['md5', resource.hash];
    if (expected && algorithm && ['md5', 'sha1', 'sha256', 'sha512'].includes(algorithm.toLowerCase())) {
      const actual = createHash(algorithm.toLowerCase()).update(bytes).digest('hex');
      if (actual !== expected.toLowerCase()) {
        problems.push({
          file: resource.path,
          message: `its ${algorithm} hash is ${actual}; the descriptor says ${expected}`,
        });
      }
    }
    try {
      tables.set(resource.name, parseTableCsv(Buffer.from(bytes).toString('utf8')));
    } catch (error) {
      problems.push({ file: resource.path, message: `is not readable CSV: ${(error as Error).message}` });
    }
  }
  return { problems, tables };
}

/**
 * Every table against its Table Schema — the header, each cell's type and constraints, unique
 * fields, the primary key — and the foreign keys across tables.
 */
export function checkTables(
  descriptor: { resources?: ResourceDescriptor[] },
  tables: ReadonlyMap<string, ParsedTable>,
): PackageProblem[] {
  const problems: PackageProblem[] = [];
  const resources = Array.isArray(descriptor.resources) ? descriptor.resources : [];
  const checked = new Set<string>();
  for (const resource of resources) {
    const schema = resource.schema;
    const table = tables.get(resource.name);
    // A schema the Table Schema profile refused is reported there; its rows are not checked.
    if (!schema || !Array.isArray(schema.fields) || !table) continue;
    const names = schema.fields.map((field) => field.name);
    if (table.header.join(',') !== names.join(',')) {
      problems.push({
        file: resource.path,
        row: 1,
        message: `the header is ${table.header.join(',')}; the schema's fields are ${names.join(',')}`,
      });
      continue;
    }
    checked.add(resource.name);
    const missing = new Set(schema.missingValues ?? ['']);
    const fields = schema.fields.map((field, index) => ({ field, index, seen: new Set<string>() }));
    table.rows.forEach((row, i) => {
      const line = i + 2;
      for (const { field, index, seen } of fields) {
        const value = row[index] ?? '';
        if (missing.has(value)) {
          if (field.constraints?.required) {
            problems.push({ file: resource.path, row: line, field: field.name, message: 'is required but empty' });
          }
          continue;
        }
        const problem = typeProblem(field, value) ?? constraintProblem(field, value);
        if (problem) problems.push({ file: resource.path, row: line, field: field.name, message: problem });
        if (field.constraints?.unique) {
          if (seen.has(value)) {
            problems.push({ file: resource.path, row: line, field: field.name, message: `"${value}" is not unique` });
          }
          seen.add(value);
        }
      }
    });
    if (schema.primaryKey?.length) {
      const at = schema.primaryKey.map((name) => names.indexOf(name));
      const keys = new Set<string>();
      table.rows.forEach((row, i) => {
        const key = JSON.stringify(at.map((index) => row[index]));
        if (keys.has(key)) {
          problems.push({ file: resource.path, row: i + 2, message: `primary key ${key} repeats an earlier row` });
        }
        keys.add(key);
      });
    }
  }
  for (const resource of resources) {
    const table = tables.get(resource.name);
    if (!table || !checked.has(resource.name)) continue;
    for (const fk of resource.schema?.foreignKeys ?? []) {
      const targetName = fk.reference.resource || resource.name;
      const target = tables.get(targetName);
      if (!target) {
        problems.push({ file: resource.path, message: `foreign key to ${targetName}, which the package lacks` });
        continue;
      }
      const from = fk.fields.map((name) => table.header.indexOf(name));
      const to = fk.reference.fields.map((name) => target.header.indexOf(name));
      const keyOf = (row: string[], at: number[]) => JSON.stringify(at.map((index) => row[index] ?? ''));
      const targets = new Set(target.rows.map((row) => keyOf(row, to)));
      table.rows.forEach((row, i) => {
        if (from.every((index) => (row[index] ?? '') === '')) return;
        const key = keyOf(row, from);
        if (!targets.has(key)) {
          problems.push({
            file: resource.path,
            row: i + 2,
            field: fk.fields.join(','),
            message: `${key} is not in ${targetName} (${fk.reference.fields.join(',')})`,
          });
        }
      });
    }
  }
  return problems;
}

/** A package's files (by path inside it): the descriptor, then every table. */
export function validatePackageFiles(files: ReadonlyMap<string, Uint8Array>): {
  problems: PackageProblem[];
  tables: Map<string, ParsedTable>;
  descriptor: unknown;
} {
  const raw = files.get('datapackage.json');
  if (!raw) {
    return {
      problems: [{ file: 'datapackage.json', message: 'the package has no datapackage.json at its root' }],
      tables: new Map<string, ParsedTable>(),
      descriptor: undefined,
    };
  }
  let descriptor: { resources?: ResourceDescriptor[] };
  try {
    descriptor = JSON.parse(Buffer.from(raw).toString('utf8'));
  } catch (error) {
    return {
      problems: [{ file: 'datapackage.json', message: `is not JSON: ${(error as Error).message}` }],
      tables: new Map<string, ParsedTable>(),
      descriptor: undefined,
    };
  }
  const problems = validateDescriptor(descriptor);
  const read = readTables(descriptor, (path) => files.get(path));
  const checked = checkTables(descriptor, read.tables);
  return { problems: [...problems, ...read.problems, ...checked], tables: read.tables, descriptor };
}
