// `npm run simulator [-- --scenario NAME] [--port N]`: the simulator on its own, for poking at it
// with curl or pointing a local run of the action at it.
import { parseArgs } from 'node:util'
import { DEMO_API_KEY, NAMED_SCENARIOS } from './scenario.js'
import { HacktronSimulator } from './server.js'

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'happy-path' },
    port: { type: 'string', default: '0' },
    list: { type: 'boolean', default: false }
  }
})

if (values.list) {
  for (const scenario of Object.values(NAMED_SCENARIOS))
    console.log(`${scenario.name}: ${scenario.description}`)
  process.exit(0)
}

const simulator = new HacktronSimulator({ scenario: values.scenario, port: Number(values.port) })
const baseUrl = await simulator.start()
console.log(
  `Hacktron API simulator (scenario "${simulator.scenario.name}") listening at ${baseUrl}`
)
console.log(`API key with read and write scopes: ${DEMO_API_KEY}`)
console.log(`State and request log: ${baseUrl.replace(/\/v1$/, '')}/__simulator/state`)
const stop = (): void => void simulator.stop().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
