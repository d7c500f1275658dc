// Contract checks: every request the client sends and every answer the simulator gives must
// validate against the vendored OpenAPI spec, so neither side can drift from the real API.
import { readFileSync } from 'node:fs'
import { Ajv, type ValidateFunction } from 'ajv'
import type { RecordedRequest } from '../../src/simulator/server.js'

const spec = JSON.parse(
  readFileSync(new URL('../../spec/hacktron-openapi.json', import.meta.url), 'utf8')
) as {
  paths: Record<string, Record<string, OperationSpec>>
}

interface OperationSpec {
  requestBody?: { content: Record<string, { schema: object }> }
  responses: Record<string, { content?: Record<string, { schema: object }> }>
}

// OpenAPI 3.0 schemas: Ajv understands `nullable`; `example`, formats and the discriminator (its
// `mapping` is unsupported, and the oneOf it annotates already decides) are left as annotations.
const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true })
ajv.addSchema(spec, 'spec')

const ERROR_BODY = ajv.compile({
  type: 'object',
  required: ['statusCode', 'message', 'error'],
  properties: {
    statusCode: { type: 'number' },
    message: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    error: { type: 'string' }
  }
})

function operationOf(record: RecordedRequest): OperationSpec | undefined {
  const [method, template] = record.endpoint.split(' ') as [string, string]
  const path = template.replace(':id', '{id}')
  return spec.paths[path]?.[method.toLowerCase()]
}

const validators = new Map<string, ValidateFunction>()

/** The spec's operations refer to component schemas by $ref; compile each once. */
function validatorFor(schema: object | undefined): ValidateFunction | undefined {
  const ref = (schema as { $ref?: string } | undefined)?.$ref
  if (!ref) return undefined
  let validate = validators.get(ref)
  if (!validate) {
    validate = ajv.compile({ $ref: `spec${ref}` })
    validators.set(ref, validate)
  }
  return validate
}

/** Problems found in the recorded traffic, one line each; empty when it all follows the spec. */
export function contractViolations(
  requests: readonly RecordedRequest[],
  { checkRequests = true }: { checkRequests?: boolean } = {}
): string[] {
  const problems: string[] = []
  for (const record of requests) {
    if (record.endpoint === 'unknown') continue
    const operation = operationOf(record)
    if (!operation) {
      problems.push(`${record.endpoint}: not in the spec`)
      continue
    }
    const requestSchema = operation.requestBody?.content['application/json']?.schema
    const validateRequest = validatorFor(requestSchema)
    if (checkRequests && validateRequest && !validateRequest(record.body)) {
      problems.push(`${record.endpoint} request: ${ajv.errorsText(validateRequest.errors)}`)
    }
    if (typeof record.status !== 'number' || record.response === undefined) continue
    if (record.status >= 400) {
      if (!ERROR_BODY(record.response))
        problems.push(`${record.endpoint} ${record.status}: ${ajv.errorsText(ERROR_BODY.errors)}`)
      continue
    }
    const responseSchema =
      operation.responses[String(record.status)]?.content?.['application/json']?.schema
    const validateResponse = validatorFor(responseSchema)
    if (!responseSchema && !operation.responses[String(record.status)]) {
      problems.push(`${record.endpoint}: status ${record.status} is not documented`)
    } else if (validateResponse && !validateResponse(record.response)) {
      problems.push(
        `${record.endpoint} ${record.status} response: ${ajv.errorsText(validateResponse.errors)}`
      )
    }
  }
  return problems
}
