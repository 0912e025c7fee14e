/**
 * The procedure registry, tutorials/procedures.yml: the online procedures that host pages declare with
 * data-procedure, and their steps (data-step). Read once per run (cached by modification time), checked against
 * its schema with ajv, each problem in French at procedures.yml:line:column.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv from 'ajv';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { fold } from '@aide/core';
import { yamlErrorInFrench } from './yaml-fr.ts';
import type { Diagnostic } from './lint/lint.ts';

export interface ProcedureStep {
  id: string;
  title: string;
}

export interface Procedure {
  id: string;
  title: string;
  url?: string;
  steps: ProcedureStep[];
}

export interface Registry {
  file: string;
  /** Valid procedures only; an entry with a problem is left out (and reported). */
  procedures: Procedure[];
  byId: Map<string, Procedure>;
  diagnostics: Diagnostic[];
}

export const REGISTRY_FILE = 'procedures.yml';
const ID = '^[a-z0-9][a-z0-9._-]{0,63}$';

const SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'title'],
    properties: {
      id: { type: 'string', pattern: ID },
      title: { type: 'string', minLength: 1, maxLength: 160 },
      url: { type: 'string', pattern: '^https://\\S+$' },
      steps: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'title'],
          properties: { id: { type: 'string', pattern: ID }, title: { type: 'string', minLength: 1, maxLength: 160 } },
        },
      },
    },
  },
} as const;

let validator: ReturnType<Ajv['compile']> | undefined;
const cache = new Map<string, { mtime: number; registry: Registry }>();

const EMPTY = (file: string): Registry => ({ file, procedures: [], byId: new Map(), diagnostics: [] });

/** The registry of a tutorials folder (empty when the file does not exist). */
export function loadRegistry(sourceDir: string): Registry {
  const file = join(sourceDir, REGISTRY_FILE);
  if (!existsSync(file)) return EMPTY(file);
  const mtime = statSync(file).mtimeMs;
  const cached = cache.get(file);
  if (cached && cached.mtime === mtime) return cached.registry;
  const registry = readRegistry(file, readFileSync(file, 'utf8'));
  cache.set(file, { mtime, registry });
  return registry;
}

export function readRegistry(file: string, text: string): Registry {
  const registry = EMPTY(file);
  const shown = relative(process.cwd(), file) || file;
  const counter = new LineCounter();
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const document: Document = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const report = (offset: number, message: string, fix: string) => {
    const { line, col } = counter.linePos(offset);
    registry.diagnostics.push({ file: shown, line, column: col, severity: 'error', rule: 'procedures', message, fix });
  };
  for (const error of document.errors) {
    const { message, fix } = yamlErrorInFrench(error);
    report(error.pos[0] ?? 0, message.replace(/^En-tête/, 'Registre des démarches'), fix);
  }
  if (document.errors.length) return registry;
  const data = (document.toJS() ?? []) as unknown;
  validator ??= new Ajv({ allErrors: true, strict: true }).compile(SCHEMA);
  const bad = new Set<number>();
  if (!validator(data)) {
    for (const error of validator.errors ?? []) {
      const path = error.instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      const node = document.getIn(path, true) as { range?: number[] } | undefined;
      if (typeof path[0] === 'number') bad.add(path[0]);
      const field = String(path.filter((p) => typeof p === 'string').pop() ?? '');
      const missing = (error.params as { missingProperty?: string }).missingProperty;
      const extra = (error.params as { additionalProperty?: string }).additionalProperty;
      report(
        node?.range?.[0] ?? 0,
        missing
          ? `Registre des démarches : le champ « ${missing} » manque.`
          : extra
            ? `Registre des démarches : le champ « ${extra} » n’est pas connu.`
            : error.keyword === 'type' && path.length === 0
              ? 'Le registre des démarches doit être une liste (chaque démarche commence par « - id: … »).'
              : `Registre des démarches : « ${field} » n’a pas la bonne forme.`,
        field === 'id' || missing === 'id'
          ? 'Un identifiant s’écrit en minuscules, chiffres, « - », « . » ou « _ » (64 caractères au plus), par exemple « demande-logement » ou « 2 ».'
          : field === 'url'
            ? 'Écrivez l’adresse de la démarche en https://.'
            : 'Chaque démarche a « id », « title », éventuellement « url », et « steps » : une liste de « - id: … » et « title: … ».',
      );
    }
  }
  if (!Array.isArray(data)) return registry;
  const seen = new Map<string, number>();
  (data as Procedure[]).forEach((procedure, i) => {
    if (bad.has(i)) return;
    const at = (path: (string | number)[]) => ((document.getIn([i, ...path], true) as { range?: number[] } | undefined)?.range?.[0] ?? 0);
    if (seen.has(procedure.id)) {
      report(at(['id']), `La démarche « ${procedure.id} » est écrite deux fois dans le registre.`, 'Gardez une seule entrée par démarche.');
      return;
    }
    seen.set(procedure.id, i);
    const steps = procedure.steps ?? [];
    const ids = new Set<string>();
    const titles = new Set<string>();
    let ok = true;
    steps.forEach((step, s) => {
      if (ids.has(step.id)) {
        report(at(['steps', s, 'id']), `L’étape « ${step.id} » de la démarche « ${procedure.id} » est écrite deux fois.`, 'Donnez à chaque étape un identifiant différent.');
        ok = false;
      }
      if (titles.has(fold(step.title))) {
        report(at(['steps', s, 'title']), `Deux étapes de la démarche « ${procedure.id} » s’appellent « ${step.title} ».`, 'Donnez à chaque étape un titre différent : les tutoriels désignent une étape par son titre.');
        ok = false;
      }
      ids.add(step.id);
      titles.add(fold(step.title));
    });
    if (!ok) return;
    const clean: Procedure = { id: procedure.id, title: procedure.title, ...(procedure.url ? { url: procedure.url } : {}), steps: steps.map((s) => ({ id: String(s.id), title: s.title })) };
    registry.procedures.push(clean);
    registry.byId.set(clean.id, clean);
  });
  return registry;
}

/** A step of a procedure by its id, or by its title (accents and case aside). */
export function findStep(procedure: Procedure, value: string): { step: ProcedureStep; index: number } | null {
  const byId = procedure.steps.findIndex((s) => s.id === value);
  const index = byId >= 0 ? byId : procedure.steps.findIndex((s) => fold(s.title) === fold(value));
  return index >= 0 ? { step: procedure.steps[index]!, index } : null;
}

export const listSteps = (procedure: Procedure) => procedure.steps.map((s) => `« ${s.title} » (${s.id})`).join(', ');
