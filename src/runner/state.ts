// The values the main step saves for its post step (core.saveState), by name, and a cheap check
// for them. The runner hands saved state to the post step as STATE_<name> environment variables
// (what core.getState reads); checking the variable directly lets the post step of a job that
// saved nothing exit before it loads the toolkit at all.

/** JSON of what `git-credentials` added to the global git config (git/saved-state.ts). */
export const GIT_CREDENTIALS_STATE = 'git-credentials';

/** Whether the main step saved a value under `name`. */
export function hasSavedState(name: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return (env[`STATE_${name}`] ?? '') !== '';
}
