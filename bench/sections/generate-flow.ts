// Generates realistic flows for benchmarks: a repeating mix of Log, HTTP Request, If with children,
// ForEach with children and Parallel with children, with expressions, until the flow holds the
// requested number of tasks.

const UNITS: ((n: number) => { yaml: string; tasks: number })[] = [
  (n) => ({
    tasks: 1,
    yaml: `  - id: log_${n}
    type: io.kestra.plugin.core.log.Log
    message: "Step ${n} of {{ flow.id }} for {{ inputs.user }} at {{ execution.startDate }}"
`,
  }),
  (n) => ({
    tasks: 1,
    yaml: `  - id: call_${n}
    type: io.kestra.plugin.core.http.Request
    uri: "https://api.example.com/items/{{ inputs.page }}?n=${n}"
    method: POST
    contentType: application/json
    headers:
      Authorization: "Bearer {{ secret('API_TOKEN') }}"
    body: '{"step": ${n}, "user": "{{ inputs.user }}"}'
    timeout: PT30S
    retry:
      type: constant
      interval: PT10S
      maxAttempt: 3
`,
  }),
  (n) => ({
    tasks: 3,
    yaml: `  - id: check_${n}
    type: io.kestra.plugin.core.flow.If
    condition: "{{ outputs.call_${n - 1}.code == 200 }}"
    then:
      - id: ok_${n}
        type: io.kestra.plugin.core.log.Log
        message: "{{ outputs.call_${n - 1}.body | jq('.id') | first }}"
    else:
      - id: ko_${n}
        type: io.kestra.plugin.core.execution.Fail
        errorMessage: "Call ${n - 1} failed with {{ outputs.call_${n - 1}.code }}"
`,
  }),
  (n) => ({
    tasks: 3,
    yaml: `  - id: each_${n}
    type: io.kestra.plugin.core.flow.ForEach
    values: ["a", "b", "c"]
    concurrencyLimit: 2
    tasks:
      - id: item_${n}
        type: io.kestra.plugin.core.debug.Return
        format: "{{ taskrun.value }}-${n}"
      - id: show_${n}
        type: io.kestra.plugin.core.log.Log
        message: "{{ outputs.item_${n}[taskrun.value].value }}"
`,
  }),
  (n) => ({
    tasks: 3,
    yaml: `  - id: fan_${n}
    type: io.kestra.plugin.core.flow.Parallel
    concurrent: 2
    tasks:
      - id: left_${n}
        type: io.kestra.plugin.core.log.Log
        message: "Left {{ outputs.call_${n - 3}.body }}"
      - id: right_${n}
        type: io.kestra.plugin.core.log.Log
        level: WARN
        message: "Right {{ inputs.page }} of {{ flow.namespace }}"
`,
  }),
];

/** A flow with exactly `taskCount` tasks (counting children). */
export function generateFlow(taskCount: number): string {
  const parts = [
    `id: bench_${taskCount}\nnamespace: company.bench\ninputs:\n  - id: user\n    type: STRING\n    defaults: kestra\n  - id: page\n    type: INT\n    defaults: 1\ntasks:\n`,
  ];
  let tasks = 0;
  for (let n = 0; tasks < taskCount; n++) {
    let unit = UNITS[n % UNITS.length](n);
    if (tasks + unit.tasks > taskCount) unit = UNITS[0](n);
    parts.push(unit.yaml);
    tasks += unit.tasks;
  }
  return parts.join('');
}
