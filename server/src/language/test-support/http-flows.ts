// Flows in the shape of Kestra's HTTP request guide (GET, POST with a JSON payload, DELETE with an INT
// id), written for these tests.

export const HTTP_GET = `id: http_get_example
namespace: company.team
description: Call an HTTP API and log what it answers

tasks:
  - id: send_data
    type: io.kestra.plugin.core.http.Request
    uri: https://dummyjson.com/products
    method: GET
    contentType: application/json

  - id: print_status
    type: io.kestra.core.tasks.log.Log
    message: "{{ outputs.send_data.body }}"
`;

export const HTTP_POST = `id: http_post_example
namespace: company.team

inputs:
  - id: payload
    type: JSON
    defaults: |
      {"title": "Kestra Pen"}

tasks:
  - id: send_data
    type: io.kestra.plugin.core.http.Request
    uri: https://dummyjson.com/products/add
    method: POST
    contentType: application/json
    body: "{{ inputs.payload }}"

  - id: print_status
    type: io.kestra.plugin.core.log.Log
    message: "{{ outputs.send_data.body }}"
`;

export const HTTP_DELETE = `id: http_delete_example
namespace: company.team

inputs:
  - id: product_id
    type: INT

tasks:
  - id: send_data
    type: io.kestra.plugin.core.http.Request
    uri: "https://dummyjson.com/products/{{ inputs.product_id }}"
    method: DELETE
    contentType: application/json

  - id: print_status
    type: io.kestra.plugin.core.log.Log
    message: |
      Deleted {{ inputs.product_id }}: {{ outputs.send_data.code }}
      {{ outputs['send_data'].body }}
`;
