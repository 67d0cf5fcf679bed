"""Validates FHIR R4 (4.0.1) resources with the fhir.resources models (strict: types, required
elements, unknown elements). Usage: fhir_validate.py FILE... ; exit 0 when every file is valid.

Needs `pip install "fhir.resources==5.1.1"` (the last release for R4 4.0.1); .ci/run installs it.
"""
import json
import sys

from fhir.resources.bundle import Bundle
from fhir.resources.questionnaire import Questionnaire
from fhir.resources.questionnaireresponse import QuestionnaireResponse

MODELS = {"Questionnaire": Questionnaire, "QuestionnaireResponse": QuestionnaireResponse, "Bundle": Bundle}

failed = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    try:
        MODELS[data["resourceType"]](data, strict=True)
        print(f"valid {data['resourceType']}: {path}")
    except Exception as error:  # the models raise FHIRValidationError with every problem
        failed += 1
        print(f"INVALID {path}: {error}")
sys.exit(1 if failed else 0)
