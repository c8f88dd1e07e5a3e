// The URL of this workflow run, on the run's own GitHub (GITHUB_SERVER_URL: github.com or an
// Enterprise Server): how the job summary and a commit's provenance block lead back to the run.

/**
 * `{server}/{owner/repo}/actions/runs/{id}[/attempts/{n}]`, or undefined when a part is missing or
 * the server is not an http(s) URL without credentials.
 */
export function buildRunUrl(
  server: string | undefined,
  repository: string | undefined,
  runId: string | undefined,
  attempt: string | undefined,
): string | undefined {
  if (!server || !repository || !runId) return undefined;
  let base: URL;
  try {
    base = new URL(server);
  } catch {
    return undefined;
  }
  if ((base.protocol !== 'https:' && base.protocol !== 'http:') || base.username || base.password) return undefined;
  const path = `${base.pathname.replace(/\/+$/, '')}/${repository}/actions/runs/${runId}${attempt ? `/attempts/${attempt}` : ''}`;
  return `${base.origin}${path}`;
}
