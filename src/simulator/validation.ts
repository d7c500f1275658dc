// Request body validation in the API's own words (class-validator style field errors).
import { FINDING_STATES } from '../hacktron/findings.js'
import { UUID_PATTERN } from '../common/text.js'
import { API_SEVERITIES, MAX_FINDING_COMMENT_LENGTH } from '../hacktron/types.js'

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value)
}

function isUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

const SOURCES = ['connected', 'public', 'upload']

export function validateCreateEstimation(body: unknown): string[] {
  if (!isRecord(body)) return ['repos must be an array']
  const errors: string[] = []
  if (body.name !== undefined && typeof body.name !== 'string') errors.push('name must be a string')
  if (!Array.isArray(body.repos)) return [...errors, 'repos must be an array']
  if (body.repos.length === 0) errors.push('repos must contain at least 1 elements')
  body.repos.forEach((repo: unknown, index) => {
    const at = `repos.${index}`
    if (!isRecord(repo)) return errors.push(`${at} must be an object`)
    if (!SOURCES.includes(String(repo.source))) {
      return errors.push(`${at}.source must be one of the following values: ${SOURCES.join(', ')}`)
    }
    if (repo.source === 'upload') {
      if (typeof repo.archive_id !== 'string' || repo.archive_id === '') {
        errors.push(`${at}.archive_id should not be empty`)
      }
      return
    }
    if (!isUrl(repo.repo_url)) errors.push(`${at}.repo_url must be a URL address`)
    if (typeof repo.branch !== 'string' || repo.branch.trim() === '') {
      errors.push(`${at}.branch should not be empty`)
    }
  })
  return errors
}

export function validateCreateScan(body: unknown): string[] {
  if (!isRecord(body)) return ['cost_estimation_id must be a UUID', 'repos must be an array']
  const errors: string[] = []
  if (!isUuid(body.cost_estimation_id)) errors.push('cost_estimation_id must be a UUID')
  if (!Array.isArray(body.repos)) {
    errors.push('repos must be an array')
  } else {
    if (body.repos.length === 0) errors.push('repos must contain at least 1 elements')
    body.repos.forEach((repo: unknown, index) => {
      const at = `repos.${index}`
      if (!isRecord(repo)) return errors.push(`${at} must be an object`)
      if (typeof repo.url !== 'string' || repo.url === '')
        errors.push(`${at}.url should not be empty`)
      if (typeof repo.branch !== 'string' || repo.branch === '') {
        errors.push(`${at}.branch should not be empty`)
      }
      if (repo.source !== undefined && !SOURCES.includes(String(repo.source))) {
        errors.push(`${at}.source must be one of the following values: ${SOURCES.join(', ')}`)
      }
    })
  }
  for (const field of ['auth_instructions', 'custom_context']) {
    const value = body[field]
    if (value === undefined) continue
    if (typeof value !== 'string') errors.push(`${field} must be a string`)
    else if (value.length > 2000) {
      errors.push(`${field} must be shorter than or equal to 2000 characters`)
    }
  }
  if (body.target_urls !== undefined) {
    if (!Array.isArray(body.target_urls)) errors.push('target_urls must be an array')
    else if (!body.target_urls.every(isUrl))
      errors.push('each value in target_urls must be a URL address')
  }
  if (body.context_document_ids !== undefined) {
    if (!Array.isArray(body.context_document_ids) || !body.context_document_ids.every(isUuid)) {
      errors.push('each value in context_document_ids must be a UUID')
    }
  }
  return errors
}

function enumError(field: string, value: unknown, values: readonly string[]): string[] {
  if (value === undefined || values.includes(value as string)) return []
  return [`${field} must be one of the following values: ${values.join(', ')}`]
}

/**
 * PATCH /findings/{id} (RestUpdateFindingDto). Every field is optional in the spec; one that sets
 * nothing (no state, severity nor duplicate_of) is refused, as a request that changes nothing.
 */
export function validateUpdateFinding(body: unknown): string[] {
  const fields = isRecord(body) ? body : {}
  const errors = [
    ...enumError('state', fields.state, FINDING_STATES),
    ...enumError('severity', fields.severity, API_SEVERITIES)
  ]
  for (const field of ['state_reason', 'severity_reason', 'reason']) {
    const value = fields[field]
    if (value !== undefined && typeof value !== 'string') errors.push(`${field} must be a string`)
  }
  const duplicate = fields.duplicate_of
  if (duplicate !== undefined && duplicate !== null && !isUuid(duplicate)) {
    errors.push('duplicate_of must be a UUID')
  }
  if (errors.length === 0 && ['state', 'severity', 'duplicate_of'].every((f) => !(f in fields))) {
    errors.push('At least one of state, severity or duplicate_of must be provided')
  }
  return errors
}

/** POST /findings/{id}/comments (RestAddCommentDto): a string of at most 4000 characters. */
export function validateAddComment(body: unknown): string[] {
  const comment = isRecord(body) ? body.comment : undefined
  if (typeof comment !== 'string') return ['comment must be a string']
  // Counted in code points, as the spec's JSON Schema maxLength counts them.
  if ([...comment].length > MAX_FINDING_COMMENT_LENGTH) {
    return [`comment must be shorter than or equal to ${MAX_FINDING_COMMENT_LENGTH} characters`]
  }
  return []
}
