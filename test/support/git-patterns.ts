// The two pattern files the Hub reads when it decides how a file is uploaded: `.gitattributes`
// (is the path tracked by LFS: `filter=lfs`) and `.gitignore` (should the upload skip it:
// preupload's `shouldIgnore`). Git's pattern rules, the parts that matter here: a pattern without a
// slash matches the name at any depth; one with a slash is anchored to the root; `*` and `?` stay
// within one path segment, `**` crosses them; later lines win; `[[:space:]]` is how `git lfs track`
// writes a space; `.gitignore` also has `!` (re-include) and a trailing `/` (folders only).

function segmentToRegExp(pattern: string): string {
  let out = '';
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index] ?? '';
    if (char === '*') {
      if (pattern[index + 1] === '*') {
        // `**/` matches zero or more folders; a trailing `**` matches everything below.
        if (pattern[index + 2] === '/') {
          out += '(?:.*/)?';
          index += 2;
        } else {
          out += '.*';
          index += 1;
        }
      } else out += '[^/]*';
    } else if (char === '?') out += '[^/]';
    else if (char === '[') {
      const close = pattern.indexOf(
        ']',
        pattern.startsWith('[[:', index) ? pattern.indexOf(':]', index) + 2 : index + 1,
      );
      if (close === -1) out += '\\[';
      else {
        const body = pattern
          .slice(index + 1, close)
          .replace(/\[:space:\]/g, '\\s')
          .replace(/\[:alpha:\]/g, 'A-Za-z')
          .replace(/\[:digit:\]/g, '0-9')
          .replace(/\[:alnum:\]/g, 'A-Za-z0-9')
          .replace(/^!/, '^');
        out += `[${body}]`;
        index = close;
      }
    } else if (char === '\\' && index + 1 < pattern.length) {
      index += 1;
      out += (pattern[index] ?? '').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else out += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return out;
}

/** Whether a git pattern (as in .gitattributes or .gitignore, without `!`) matches `path`. */
export function gitPatternMatches(pattern: string, path: string): boolean {
  let body = pattern;
  const anchored = body.startsWith('/') || body.slice(0, -1).includes('/');
  body = body.replace(/^\//, '');
  const source = segmentToRegExp(body);
  const regexp = new RegExp(anchored ? `^${source}$` : `^(?:.*/)?${source}$`);
  return regexp.test(path);
}

/** Whether `.gitattributes` text tracks `path` with LFS (the last line that sets `filter` wins). */
export function isLfsTracked(gitattributes: string, path: string): boolean {
  let tracked = false;
  for (const raw of gitattributes.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [pattern = '', ...attributes] = line.split(/\s+/);
    if (!gitPatternMatches(pattern, path)) continue;
    for (const attribute of attributes) {
      if (attribute === 'filter=lfs') tracked = true;
      else if (attribute.startsWith('filter=') || attribute === '-filter' || attribute === '!filter') tracked = false;
    }
  }
  return tracked;
}

/** Whether `.gitignore` text ignores `path` (a file), itself or through one of its folders. */
export function isGitIgnored(gitignore: string, path: string): boolean {
  const rules = gitignore
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .filter((line) => line !== '' && !line.startsWith('#'));
  const segments = path.split('/');
  // A file under an ignored folder stays ignored whatever later rules say about the file.
  for (let depth = 1; depth <= segments.length; depth += 1) {
    const candidate = segments.slice(0, depth).join('/');
    const isFolder = depth < segments.length;
    let ignored = false;
    for (const rule of rules) {
      const negated = rule.startsWith('!');
      let pattern = negated ? rule.slice(1) : rule;
      const folderOnly = pattern.endsWith('/');
      if (folderOnly) pattern = pattern.slice(0, -1);
      if (folderOnly && !isFolder) continue;
      if (gitPatternMatches(pattern, candidate)) ignored = !negated;
    }
    if (ignored) return true;
  }
  return false;
}

/** The `.gitattributes` line that tracks one path with LFS, as `git lfs track` writes it. */
export function lfsTrackLine(path: string): string {
  return `${path.replace(/ /g, '[[:space:]]')} filter=lfs diff=lfs merge=lfs -text`;
}

/**
 * The `.gitattributes` a new repository on the Hub starts with (its initial commit). The list of
 * extensions is the one huggingface.co has used for model repositories; datasets add media types.
 */
export const DEFAULT_GITATTRIBUTES = [
  '*.7z',
  '*.arrow',
  '*.bin',
  '*.bz2',
  '*.ckpt',
  '*.ftz',
  '*.gz',
  '*.h5',
  '*.joblib',
  '*.lfs.*',
  '*.mlmodel',
  '*.model',
  '*.msgpack',
  '*.npy',
  '*.npz',
  '*.onnx',
  '*.ot',
  '*.parquet',
  '*.pb',
  '*.pickle',
  '*.pkl',
  '*.pt',
  '*.pth',
  '*.rar',
  '*.safetensors',
  'saved_model/**/*',
  '*.tar.*',
  '*.tar',
  '*.tflite',
  '*.tgz',
  '*.wasm',
  '*.xz',
  '*.zip',
  '*.zst',
  '*tfevents*',
]
  .map((pattern) => `${pattern} filter=lfs diff=lfs merge=lfs -text\n`)
  .join('');
