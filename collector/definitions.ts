import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { parseDefinition, type SurveyDefinition } from '../src/schema/index.js';

/** Known surveys: id → version → definition. Older versions stay so late responses still validate. */
export type Definitions = Map<string, Map<number, SurveyDefinition>>;

export const versionOf = (definition: SurveyDefinition) => definition.version ?? 1;

const ONLY_REGULAR = 'only regular files (or symbolic links to them) are read';

/** Why a directory entry named `*.json` is not read. */
function notRegular(entry: Pick<Dirent, 'isDirectory' | 'isFIFO' | 'isSocket' | 'isBlockDevice' | 'isCharacterDevice'>) {
  const what = entry.isDirectory()
    ? 'a directory'
    : entry.isFIFO()
      ? 'a named pipe (FIFO)'
      : entry.isSocket()
        ? 'a socket'
        : entry.isBlockDevice() || entry.isCharacterDevice()
          ? 'a device'
          : 'not a regular file';
  return `is ${what}: ${ONLY_REGULAR}`;
}

/**
 * The text of a regular file, or why it was not read. Opened without waiting for a FIFO's writer
 * (one may have taken the file's place since the directory was listed, or be what a symbolic link
 * points to), and checked to be a regular file before a byte is read. A symbolic link is followed:
 * a Kubernetes ConfigMap mounted as a directory is made of them, and whoever can put a link in
 * the directory can put a copy there too; what the file holds is never quoted in an error.
 */
function readRegularFile(path: string): { text: string } | { problem: string } {
  let fd: number;
  try {
    // 0 where the platform has no such flag (Windows).
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { problem: `cannot be read (${(error as NodeJS.ErrnoException).code})` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { problem: notRegular(stat) };
    return { text: readFileSync(fd, 'utf8') };
  } catch (error) {
    return { problem: `cannot be read (${(error as NodeJS.ErrnoException).code})` };
  } finally {
    closeSync(fd);
  }
}

/**
 * The file's JSON, or where it stops being JSON. The parser's own message quotes the text
 * around the fault, and the start error must not show what a file holds (it may not be a
 * definition at all), so only the line and column are kept.
 */
function parseJson(text: string): { json: unknown } | { problem: string } {
  try {
    return { json: JSON.parse(text) };
  } catch (error) {
    const at = /at position (\d+)/.exec((error as Error).message);
    if (!at) return { problem: '(root): is not valid JSON' };
    const before = text.slice(0, Number(at[1])).split('\n');
    return { problem: `(root): is not valid JSON (line ${before.length}, column ${before.at(-1)!.length + 1})` };
  }
}

/**
 * Reads every `*.json` regular file (or symbolic link to one) of a directory as a survey
 * definition. Any invalid file, and any other kind of entry with such a name (a FIFO, a device), stops the
 * start with its name and the JSON paths of its problems: a collector that silently ignored a
 * survey would answer its respondents with 404. What a file holds is never quoted.
 */
export function loadDefinitions(dir: string): Definitions {
  const definitions: Definitions = new Map();
  let all: Dirent[];
  try {
    all = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new Error(`cannot read the survey definitions in ${dir} (--definitions): ${(error as Error).message}`);
  }
  const entries = all.filter((entry) => entry.name.endsWith('.json')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const problems: string[] = [];
  const source = new Map<string, string>();
  for (const entry of entries) {
    const name = entry.name;
    if (!entry.isFile() && !entry.isSymbolicLink()) {
      problems.push(`${name}: ${notRegular(entry)}`);
      continue;
    }
    const file = readRegularFile(join(dir, name));
    const json = 'text' in file ? parseJson(file.text) : file;
    if ('problem' in json) {
      problems.push(`${name}: ${json.problem}`);
      continue;
    }
    const result = parseDefinition(json.json);
    if (!result.ok) {
      problems.push(...result.issues.map((issue) => `${name}: ${issue.path}: ${issue.message}`));
      continue;
    }
    const definition = result.value;
    const key = `${definition.id}@${versionOf(definition)}`;
    if (source.has(key)) {
      problems.push(`${name}: survey "${definition.id}" version ${versionOf(definition)} is also defined in ${source.get(key)}`);
      continue;
    }
    source.set(key, name);
    const versions = definitions.get(definition.id) ?? new Map<number, SurveyDefinition>();
    versions.set(versionOf(definition), definition);
    definitions.set(definition.id, versions);
  }
  if (problems.length) throw new Error(`invalid survey definitions in ${dir}:\n  ${problems.join('\n  ')}`);
  return definitions;
}

/** The definitions of one survey, newest version first. */
export function versionsNewestFirst(definitions: Definitions | undefined, surveyId: string): SurveyDefinition[] {
  return [...(definitions?.get(surveyId)?.values() ?? [])].sort((a, b) => versionOf(b) - versionOf(a));
}
