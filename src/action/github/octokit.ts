// One Octokit per run, built on first use: a run that comments on nothing and reads no pull
// request never loads @actions/github's REST client.
import type { getOctokit } from '@actions/github'

export type Octokit = ReturnType<typeof getOctokit>

const clients = new Map<string, Promise<Octokit>>()

export function octokitFor(token: string): Promise<Octokit> {
  let client = clients.get(token)
  if (!client) {
    client = import('@actions/github').then(({ getOctokit: create }) => create(token))
    clients.set(token, client)
  }
  return client
}
