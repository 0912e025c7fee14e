/**
 * `preview`: a local page per tutorial, rendered by the real <aide-walkthrough> from the built widget, with the
 * lint messages beside it; the page reloads by itself when a tutorial file changes. Tutorials with errors are
 * shown too (their content is sanitised like any other), so that the editor sees both.
 */
import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, statSync, watch } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import sirv from 'sirv';
import { compileTutorial, type Compiled } from '../compile.ts';
import { previewAssets } from '../paths.ts';
import { slugOf } from '../parse.ts';
import { tutorialFiles } from '../build.ts';
import { LICENCE, THEMES, type TutorialIndex } from '@aide/walkthrough/format';

export interface PreviewOptions {
  source: string;
  port: number;
  root: string;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} – aperçu</title><link rel="stylesheet" href="/__preview/preview.css">
<script src="/aide/aide.js" data-position="none" defer></script><script src="/__preview/client.js" defer></script></head>
<body>${body}</body></html>`;
}

export function startPreview(options: PreviewOptions): Promise<{ port: number; close: () => void }> {
  const widget = join(options.root, 'dist/aide');
  if (!existsSync(join(widget, 'aide.js'))) {
    console.log('Construction du widget (première fois)…');
    spawnSync(process.execPath, ['--import', 'tsx', join(options.root, 'packages/embed/build.ts')], { stdio: 'inherit', cwd: options.root });
  }
  const serveWidget = sirv(widget, { dev: true });
  const serveImages = sirv(options.source, { dev: true });
  const clients = new Set<ServerResponse>();

  // Each file is compiled again only when it changed (its size and time, or the set of tutorials): a save is
  // answered with one compilation, not the whole corpus.
  const compiled = new Map<string, { key: string; compiled: Compiled }>();
  const compileAll = () => {
    const files = tutorialFiles(options.source);
    const knownSlugs = new Set(files.map(slugOf));
    const corpusKey = [...knownSlugs].join(',');
    const registry = join(options.source, 'procedures.yml');
    const registryKey = existsSync(registry) ? String(statSync(registry).mtimeMs) : '';
    return files.map((file) => {
      const stat = statSync(file);
      const key = `${stat.size}:${stat.mtimeMs}:${corpusKey}:${registryKey}`;
      let entry = compiled.get(file);
      if (entry?.key !== key) {
        entry = { key, compiled: compileTutorial(file, { knownSlugs, force: true }) };
        compiled.set(file, entry);
      }
      return { file, compiled: entry.compiled };
    });
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    if (url.pathname === '/__preview/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connecté\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (url.pathname === '/__preview/client.js') return send(200, 'text/javascript', readFileSync(join(previewAssets, 'client.js'), 'utf8'));
    if (url.pathname === '/__preview/preview.css') return send(200, 'text/css', readFileSync(join(previewAssets, 'preview.css'), 'utf8'));
    if (url.pathname.startsWith('/aide/')) {
      req.url = url.pathname.slice('/aide'.length);
      return serveWidget(req, res, () => send(404, 'text/plain', 'introuvable'));
    }
    // The tutorials' own folder: images are served from where the editor puts them.
    if (url.pathname.startsWith('/__preview/tutorials/images/')) {
      req.url = url.pathname.slice('/__preview/tutorials'.length);
      return serveImages(req, res, () => send(404, 'text/plain', 'image introuvable'));
    }
    const all = compileAll();
    if (url.pathname === '/__preview/tutorials/index.json') {
      const index: TutorialIndex = {
        v: 1,
        licence: LICENCE,
        themes: THEMES,
        search: '',
        tutorials: all
          .filter((t) => t.compiled.tutorial)
          .map(({ compiled }) => {
            const c = compiled.tutorial!;
            return { slug: c.slug, title: c.title, summary: c.summary, theme: c.theme, level: c.level, duration: c.duration, procedures: c.procedures, updated: c.updated, tags: c.tags, stepCount: c.steps.length, file: `${c.slug}.json` };
          }),
      };
      return send(200, 'application/json', JSON.stringify(index));
    }
    const chunk = /^\/__preview\/tutorials\/([a-z0-9-]+)\.json$/.exec(url.pathname);
    if (chunk) {
      const found = all.find((t) => slugOf(t.file) === chunk[1]);
      return found?.compiled.tutorial ? send(200, 'application/json', JSON.stringify(found.compiled.tutorial)) : send(404, 'text/plain', 'introuvable');
    }
    const one = /^\/t\/([a-z0-9-]+)$/.exec(url.pathname);
    if (one) {
      const found = all.find((t) => slugOf(t.file) === one[1]);
      if (!found) return send(404, 'text/html', page('Introuvable', '<main><h1>Tutoriel introuvable</h1><p><a href="/">Retour à la liste</a></p></main>'));
      const d = found.compiled.lint.diagnostics;
      const messages = d.length
        ? `<ul>${d.map((m) => `<li class="${m.severity}"><strong>${m.severity === 'error' ? 'Erreur' : m.severity === 'warning' ? 'Avertissement' : 'Conseil'}</strong> ligne ${m.line}, colonne ${m.column} : ${escape(m.message)}<br><span class="fix">→ ${escape(m.fix)}</span></li>`).join('')}</ul>`
        : '<p>Aucun message : le tutoriel est prêt.</p>';
      const scores = found.compiled.lint.readability.map((r) => `<li>Étape ${r.step} (${escape(r.title)}) : ${r.score}, ${r.label}</li>`).join('');
      return send(
        200,
        'text/html',
        page(
          found.compiled.tutorial?.title ?? one[1]!,
          `<header><p><a href="/">← Tous les tutoriels</a></p><p class="file">${escape(found.file)} — la page se recharge quand le fichier change.</p></header>
<main class="preview"><section class="widget" aria-label="Rendu dans le widget"><aide-walkthrough tutorial="${one[1]}" src="/__preview/tutorials/index.json"></aide-walkthrough></section>
<aside class="lint" aria-labelledby="lint-title"><h2 id="lint-title">Messages de vérification</h2>${messages}<h3>Lisibilité par étape</h3><ul>${scores}</ul></aside></main>`,
        ),
      );
    }
    if (url.pathname === '/') {
      const items = all
        .map(({ file, compiled }) => {
          const errors = compiled.lint.diagnostics.filter((d) => d.severity === 'error').length;
          const warnings = compiled.lint.diagnostics.filter((d) => d.severity === 'warning').length;
          return `<li><a href="/t/${slugOf(file)}">${escape(compiled.tutorial?.title ?? slugOf(file))}</a> — ${errors} erreur(s), ${warnings} avertissement(s)</li>`;
        })
        .join('');
      return send(200, 'text/html', page('Tutoriels', `<main><h1>Aperçu des tutoriels</h1><ul>${items}</ul></main>`));
    }
    send(404, 'text/plain', 'introuvable');
  });

  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(options.source, { recursive: true }, () => {
    clearTimeout(timer);
    // Editors save in several writes: reload once they are done.
    timer = setTimeout(() => {
      for (const client of clients) client.write('data: reload\n\n');
    }, 40);
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'EADDRINUSE' ? `Le port ${options.port} est déjà utilisé.\n    → Choisissez-en un autre : pnpm tutorials preview --port 5175` : `L’aperçu n’a pas pu démarrer : ${error.message}`)),
    );
    server.listen(options.port, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      console.log(`Aperçu des tutoriels : http://127.0.0.1:${port}/ (Ctrl+C pour arrêter)`);
      resolve({
        port,
        close: () => {
          watcher.close();
          for (const client of clients) client.end();
          server.close();
        },
      });
    });
  });
}
