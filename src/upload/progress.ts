// Progress for long uploads, readable in a step log: one line when a large file starts uploading
// and one when it ends (size, time, rate), and in between at most one summary line per interval,
// whatever the number of files or events. It is fed the transfer's events (hashing and uploading
// fractions per file, lfs-transfer.ts) and the commit body's bytes, and it never prints per-event.
// The clock is injectable so the throttling is unit-tested.

import { formatBytes } from './plan.js';

/** Files from this size on get their own start and end lines. */
export const LARGE_FILE_BYTES = 100 * 1024 * 1024;
/** At most one summary line per this interval. */
export const PROGRESS_INTERVAL_MS = 10_000;

/** What the transfer reports (the same shape @huggingface/hub's commit progress events had). */
export type ProgressEvent =
  | { readonly event: 'phase'; readonly phase: 'preuploading' | 'uploadingLargeFiles' | 'committing' }
  | {
      readonly event: 'fileProgress';
      readonly path: string;
      readonly progress: number;
      readonly state: 'hashing' | 'uploading' | 'error';
    };

interface FileState {
  readonly size: number;
  hashed: number;
  uploaded: number;
  startedAt: number | undefined;
  done: boolean;
}

export interface ProgressOptions {
  readonly log: (line: string) => void;
  readonly now?: () => number;
  readonly intervalMs?: number;
  readonly largeFileBytes?: number;
}

export interface ProgressTotals {
  /** LFS files whose bytes were sent to storage, and their bytes. */
  readonly filesSent: number;
  readonly bytesSent: number;
  /** LFS files the Hub's storage already held (same content uploaded before). */
  readonly filesAlreadyStored: number;
}

export class UploadProgress {
  readonly #files = new Map<string, FileState>();
  readonly #log: (line: string) => void;
  readonly #now: () => number;
  readonly #intervalMs: number;
  readonly #largeFileBytes: number;
  #phase: 'hashing' | 'uploading' | 'committing' = 'hashing';
  #lastLineAt: number;
  #phaseStartedAt: number;
  #commitSent = 0;
  #commitTotal = 0;
  #filesSent = 0;
  #bytesSent = 0;
  #alreadyStored = 0;

  constructor(lfsFiles: ReadonlyArray<{ readonly path: string; readonly size: number }>, options: ProgressOptions) {
    this.#log = options.log;
    this.#now = options.now ?? (() => Date.now());
    this.#intervalMs = options.intervalMs ?? PROGRESS_INTERVAL_MS;
    this.#largeFileBytes = options.largeFileBytes ?? LARGE_FILE_BYTES;
    for (const file of lfsFiles) {
      this.#files.set(file.path, { size: file.size, hashed: 0, uploaded: 0, startedAt: undefined, done: false });
    }
    this.#lastLineAt = this.#now();
    this.#phaseStartedAt = this.#lastLineAt;
  }

  /** One event of the transfer of large files. */
  onEvent(event: ProgressEvent): void {
    if (event.event === 'phase') {
      const phase =
        event.phase === 'uploadingLargeFiles' ? 'uploading' : event.phase === 'committing' ? 'committing' : 'hashing';
      if (phase !== this.#phase) {
        this.#phase = phase;
        this.#phaseStartedAt = this.#now();
      }
      return;
    }
    const file = this.#files.get(event.path);
    if (!file || event.state === 'error') return;
    if (event.state === 'hashing') {
      file.hashed = Math.max(file.hashed, event.progress);
      this.#phase = 'hashing';
    } else {
      this.#onUpload(event.path, file, event.progress);
    }
    this.#maybeSummarise();
  }

  /** The commit request's body: `sent` of `total` bytes so far. */
  onCommitBytes(sent: number, total: number): void {
    if (this.#phase !== 'committing') {
      this.#phase = 'committing';
      this.#phaseStartedAt = this.#now();
    }
    this.#commitSent = sent;
    this.#commitTotal = total;
    this.#maybeSummarise();
  }

  totals(): ProgressTotals {
    return { filesSent: this.#filesSent, bytesSent: this.#bytesSent, filesAlreadyStored: this.#alreadyStored };
  }

  #onUpload(path: string, file: FileState, progress: number): void {
    if (file.done) return;
    const now = this.#now();
    const large = file.size >= this.#largeFileBytes;
    if (this.#phase !== 'uploading') {
      this.#phase = 'uploading';
      this.#phaseStartedAt = now;
    }
    if (progress >= 1) {
      file.done = true;
      file.uploaded = 1;
      if (file.startedAt === undefined) {
        this.#alreadyStored++;
        if (large) this.#log(`${path} (${formatBytes(file.size)}) is already in the Hub's storage: not sent again.`);
        return;
      }
      this.#filesSent++;
      this.#bytesSent += file.size;
      if (large) {
        const seconds = Math.max(0.001, (now - file.startedAt) / 1000);
        this.#log(
          `Uploaded ${path} (${formatBytes(file.size)}) in ${formatDuration(seconds)}, ${formatBytes(file.size / seconds)}/s.`,
        );
      }
      return;
    }
    if (file.startedAt === undefined) {
      file.startedAt = now;
      if (large) this.#log(`Uploading ${path} (${formatBytes(file.size)})…`);
    }
    file.uploaded = Math.max(file.uploaded, progress);
  }

  #maybeSummarise(): void {
    const now = this.#now();
    if (now - this.#lastLineAt < this.#intervalMs) return;
    const line = this.#summary(now);
    if (line === undefined) return;
    this.#lastLineAt = now;
    this.#log(line);
  }

  #summary(now: number): string | undefined {
    const elapsedSeconds = Math.max(0.001, (now - this.#phaseStartedAt) / 1000);
    if (this.#phase === 'committing') {
      if (this.#commitTotal === 0) return undefined;
      return `… committing: ${formatBytes(this.#commitSent)} of ${formatBytes(this.#commitTotal)} sent (${percent(this.#commitSent, this.#commitTotal)}).`;
    }
    let total = 0;
    let hashed = 0;
    let uploaded = 0;
    let done = 0;
    for (const file of this.#files.values()) {
      total += file.size;
      hashed += file.size * file.hashed;
      uploaded += file.size * file.uploaded;
      if (file.done) done++;
    }
    if (total === 0) return undefined;
    if (this.#phase === 'hashing') {
      return `… hashing large files: ${formatBytes(hashed)} of ${formatBytes(total)} (${percent(hashed, total)}).`;
    }
    return (
      `… uploading large files: ${formatBytes(uploaded)} of ${formatBytes(total)} ` +
      `(${percent(uploaded, total)}), ${done} of ${this.#files.size} files done, ${formatBytes(uploaded / elapsedSeconds)}/s.`
    );
  }
}

function percent(part: number, whole: number): string {
  return `${whole === 0 ? 100 : Math.floor((part / whole) * 100)}%`;
}

/** "4.2 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(whole / 3600)} h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')} min`;
}
