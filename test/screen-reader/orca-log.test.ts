/**
 * Reading Orca's debug log: utterances (one line or several), the language of the voice asked for each, Orca's
 * own messages without one, and a log read while it is being written (a line, even a character, cut in two).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OrcaLog, OrcaLogParser } from './orca-log.ts';

// Excerpts of a real log (Orca 43.1, Chromium), shortened.
const FOCUS_IN_ENGLISH = `00:27:19.313770 - SPEECH GENERATOR: Starting unfocused generation for [push button | Need help?] (<enum ATSPI_ROLE_PUSH_BUTTON of type Atspi.Role>)
                  GENERATION TIME: 0.0012  ---->  oldAncestors=[]
00:27:19.335691 - SPEECH GENERATOR: default voice requested with language='en', dialect=''
                  GENERATION TIME: 0.0058  ---->  labelAndName=[Need help?]
00:27:19.339747 - SPEECH GENERATOR: system voice requested with language='en', dialect=''
                  GENERATION TIME: 0.0036  ---->  roleName=[push button]
                  COMPLETION TIME: 0.0562
                  SPEECH GENERATOR: Results: 
                  'Need help?' 
                  '{'established': False}' 
                  'collapsed' 
                  '{'established': False}' 
                  'push button' 
                  '{'established': False}' 
                  'PAUSE'
00:27:19.367123 - WEB: Speech generation for document object [push button | Need help?] complete.
00:27:19.367210 - SPEECH OUTPUT: 'Need help? collapsed push button.'{'established': False}
00:27:19.369449 - SPEECH OUTPUT: 'Focus mode'{'established': False}
`;

const SAY_ALL_TWO_LINES = `23:14:04.852185 - EVENT SYNTHESIZER: scrolled [paragraph | ] (0,11) to SCROLL_ANYWHERE: True
23:14:04.852352 - SPEECH OUTPUT: 'RÉPUBLIQUE
                  '
23:14:04.854951 - SPEECH GENERATOR: Starting unfocused generation for [paragraph | ] (<enum ATSPI_ROLE_PARAGRAPH of type Atspi.Role>)
23:14:04.863036 - SPEECH GENERATOR: default voice requested with language='fr', dialect=''
                  GENERATION TIME: 0.0058  ---->  currentLineText=[FRANÇAISE]
                  SPEECH GENERATOR: Results: 
                  'FRANÇAISE' 
                  '{'established': False, 'average-pitch': 7.0}'
23:14:04.869715 - SPEECH OUTPUT: 'FRANÇAISE'
Traceback (most recent call last):
  File "/usr/lib/python3/dist-packages/orca/braille.py", line 1879, in init
23:14:05.000000 - SPEECH OUTPUT: 'Besoin d'aide ? collapsed push button.'{'established': False}
`;

function parse(text: string): OrcaLogParser {
  const parser = new OrcaLogParser();
  parser.push(text.split('\n'));
  parser.end();
  return parser;
}

describe('Orca log', () => {
  test('an utterance with the language of the voice Orca asked for it; Orca’s own message has none', () => {
    const { utterances } = parse(FOCUS_IN_ENGLISH);
    assert.deepEqual(
      utterances.map((u) => [u.text, u.langs]),
      [
        ['Need help? collapsed push button.', ['en']],
        ['Focus mode', []],
      ],
    );
    assert.equal(utterances[0]!.time, '00:27:19.367210');
  });

  test('an utterance spread over two lines is one utterance; an apostrophe inside does not end it', () => {
    const { utterances } = parse(SAY_ALL_TWO_LINES);
    assert.deepEqual(
      utterances.map((u) => [u.text, u.langs]),
      [
        ['RÉPUBLIQUE', []],
        ['FRANÇAISE', ['fr']],
        // The generation that said "FRANÇAISE" did not say this one.
        ["Besoin d'aide ? collapsed push button.", []],
      ],
    );
  });

  test('a log read while Orca writes it: lines and characters cut between two reads', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'orca-log-')), 'orca.log');
    writeFileSync(file, '');
    const log = new OrcaLog(file);
    const bytes = Buffer.from(FOCUS_IN_ENGLISH + SAY_ALL_TWO_LINES);
    // Cut inside "É" of RÉPUBLIQUE (two bytes in UTF-8), and everywhere every 37 bytes.
    const cut = bytes.indexOf(Buffer.from('É')) + 1;
    const seen: number[] = [];
    for (let at = 0; at < bytes.length; at += 37) {
      const end = Math.min(at + 37, bytes.length);
      if (at < cut && cut < end) {
        appendFileSync(file, bytes.subarray(at, cut));
        seen.push(log.count);
        appendFileSync(file, bytes.subarray(cut, end));
      } else appendFileSync(file, bytes.subarray(at, end));
      seen.push(log.count);
    }
    assert.deepEqual(
      log.utterances.map((u) => u.text),
      ['Need help? collapsed push button.', 'Focus mode', 'RÉPUBLIQUE', 'FRANÇAISE', "Besoin d'aide ? collapsed push button."],
    );
    // Each utterance was known as soon as its line was complete, not at the end of the file.
    assert.ok(seen.some((n) => n > 0 && n < 5));
    assert.deepEqual(log.since(3).map((u) => u.text), ['FRANÇAISE', "Besoin d'aide ? collapsed push button."]);
  });
});
