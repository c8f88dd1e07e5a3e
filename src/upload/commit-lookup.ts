// After a commit request that got no definite answer (a reset, a stall, a 5xx from a load balancer
// while the Hub went on committing), did the commit land? The provenance block carries a marker
// unique to this run of the step (provenance.ts): look for it at the head of the branch (its newest
// commits), or of the newest pull requests when the commit opens one.

import { hubBaseOf } from '../hub/hub-url.js';
import type { HubApi } from './hub-api.js';

export interface LandedCommit {
  readonly commitOid: string;
  readonly commitUrl: string;
  readonly pullRequestUrl: string | undefined;
}

/** This run's commit, if it landed on `revision` (or in one of the newest pull requests). */
export async function findOwnCommit(
  api: HubApi,
  where: { readonly revision: string; readonly createPr: boolean; readonly marker: string },
): Promise<LandedCommit | undefined> {
  const base = `${hubBaseOf(api.hubUrl)}/${api.webPath}`;
  const carries = (commit: { title: string; message: string }): boolean =>
    commit.message.includes(where.marker) || commit.title.includes(where.marker);
  if (!where.createPr) {
    for (const commit of await api.latestCommits(where.revision, 5)) {
      if (carries(commit))
        return { commitOid: commit.id, commitUrl: `${base}/commit/${commit.id}`, pullRequestUrl: undefined };
    }
    return undefined;
  }
  for (const pr of (await api.pullRequestRefs()).slice(0, 5)) {
    const [head] = await api.latestCommits(pr.ref, 1);
    if (head && carries(head)) {
      return {
        commitOid: head.id,
        commitUrl: `${base}/commit/${head.id}`,
        pullRequestUrl: `${base}/discussions/${pr.num}`,
      };
    }
  }
  return undefined;
}
