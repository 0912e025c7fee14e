/**
 * What Orca said, read from its debug log as it is written. Every utterance is one entry
 * "hh:mm:ss.micro - SPEECH OUTPUT: 'text'{voice}", its text possibly spread over several lines; the language Orca
 * asked a voice for comes a little before, in "SPEECH GENERATOR: … voice requested with language='fr'" lines.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';

export interface Utterance {
  /** Position in the log's list of utterances. */
  index: number;
  /** Orca's clock, "hh:mm:ss.micro". */
  time: string;
  text: string;
  /**
   * Languages Orca requested a voice for while it prepared this utterance (from the text's language attribute,
   * itself from the page's lang attributes). Empty for Orca's own messages.
   */
  langs: string[];
}

const ENTRY = /^(\d\d:\d\d:\d\d\.\d+) - (.*)$/;
/** Continuation lines of a multi-line entry are indented by the width of the time stamp. */
const INDENT = ' '.repeat('00:00:00.000000 - '.length);
const SPEECH = /^SPEECH OUTPUT: '([\s\S]*)'(?: voice=\S+)?\s*(?:\[?\{[^]*\}\]?|None)?\s*$/;
/** An utterance whose voice is written after it is complete: no need to wait for the next entry. */
const COMPLETE_SPEECH = /^SPEECH OUTPUT: '[\s\S]*'(?: voice=\S+)?\s*\[?\{[^]*\}\]?\s*$/;
const LANGUAGE = /voice requested with language='([^']*)'/;

interface Generation {
  langs: Set<string>;
  pieces: string[];
}

/** Parses complete log lines into utterances; keeps what it needs between calls (a log is read in pieces). */
export class OrcaLogParser {
  readonly utterances: Utterance[] = [];
  private entry: { time: string; text: string } | null = null;
  /** The last presentations Orca generated: what they say, and the languages of the voices they asked for. */
  private readonly generations: Generation[] = [];

  /** Feeds complete lines (without their line breaks). */
  push(lines: string[]): void {
    for (const line of lines) {
      const start = ENTRY.exec(line);
      if (start) {
        this.flush();
        this.entry = { time: start[1]!, text: start[2]! };
      } else if (this.entry && line.startsWith(INDENT)) {
        this.entry.text += '\n' + line.slice(INDENT.length);
      } else {
        // A traceback or a line of another kind ends the entry.
        this.flush();
      }
    }
  }

  /** Ends the entry in progress: call when the log is known to be complete. */
  end(): void {
    this.flush();
  }

  /** Ends the entry in progress if it is an utterance known to be complete (the log may stay quiet after it). */
  settle(): void {
    if (this.entry && COMPLETE_SPEECH.test(this.entry.text)) this.flush();
  }

  private flush(): void {
    const entry = this.entry;
    this.entry = null;
    if (!entry) return;
    const speech = SPEECH.exec(entry.text);
    if (speech) {
      const text = speech[1]!.replace(/\s+/g, ' ').trim();
      if (text) this.utterances.push({ index: this.utterances.length, time: entry.time, text, langs: this.languagesOf(text) });
      return;
    }
    // A presentation's ancestors (the group entered) are generated inside it: still the same presentation.
    if (entry.text.startsWith('SPEECH GENERATOR: Starting') && !entry.text.includes('ancestor generation')) {
      this.generations.push({ langs: new Set(), pieces: [] });
      if (this.generations.length > 2) this.generations.shift();
    }
    const current = this.generations[this.generations.length - 1];
    if (!current) return;
    const language = LANGUAGE.exec(entry.text);
    if (language && language[1] && language[1] !== 'None') current.langs.add(language[1]);
    // "SPEECH GENERATOR: Results:" lists the pieces of speech, each quoted on its line, with its voice.
    const results = entry.text.split('SPEECH GENERATOR: Results:')[1];
    if (results) {
      for (const line of results.split('\n')) {
        const piece = /^'(.*)'\s*$/.exec(line.trim())?.[1];
        if (piece && !piece.startsWith('{') && piece !== 'PAUSE' && piece !== 'LINE BREAK') current.pieces.push(piece.replace(/\s+/g, ' ').trim());
      }
    }
  }

  /**
   * Languages of the presentation an utterance comes from: the last one generated, if it produced a piece of it.
   * Orca's own messages ("Focus mode", "Loading") come from no generation and have none.
   */
  private languagesOf(text: string): string[] {
    const generation = this.generations[this.generations.length - 1];
    if (generation?.pieces.some((piece) => piece.length > 1 && text.includes(piece))) return [...generation.langs];
    return [];
  }
}

/** Follows a log file that Orca keeps writing. */
export class OrcaLog {
  private readonly parser = new OrcaLogParser();
  private offset = 0;
  private partial = Buffer.alloc(0);

  constructor(readonly path: string) {}

  get utterances(): Utterance[] {
    this.read();
    return this.parser.utterances;
  }

  /** Reads what was appended since the last call. */
  read(): void {
    if (!existsSync(this.path)) return;
    const size = statSync(this.path).size;
    if (size <= this.offset) return;
    const fd = openSync(this.path, 'r');
    try {
      const buffer = Buffer.alloc(size - this.offset);
      const read = readSync(fd, buffer, 0, buffer.length, this.offset);
      this.offset += read;
      // Only whole lines are decoded: a read can end in the middle of a line, even of a character.
      const bytes = Buffer.concat([this.partial, buffer.subarray(0, read)]);
      const end = bytes.lastIndexOf(0x0a);
      if (end === -1) {
        this.partial = bytes;
        return;
      }
      this.partial = Buffer.from(bytes.subarray(end + 1));
      this.parser.push(bytes.subarray(0, end).toString('utf8').split('\n'));
      this.parser.settle();
    } finally {
      closeSync(fd);
    }
  }

  /** Utterances from `from` on. */
  since(from: number): Utterance[] {
    return this.utterances.slice(from);
  }

  get count(): number {
    return this.utterances.length;
  }
}
