"""JUnit XML (with junit-xml): one <testsuite> per report, one <testcase> per finding.

Valid against the Jenkins xunit schema that pytest targets and the Ant schema: <testsuites> carries no
attributes, test names are stable and unique within a suite (code + what is inconsistent, never a line
number), findings below the fail level are passing cases with their text in system-out, a clean report is
one passing case, unreadable input is an <error>. The opt-in "xunit1" flavour adds file/line attributes for
GitLab and action-junit-report (that flavour does not validate against either schema).
"""

from __future__ import annotations

import os
import time
import xml.etree.ElementTree as ET

from reportlint import __version__
from reportlint.finding import SEVERITY_RANK
from reportlint.output.escape import visible
from reportlint.output.text import concise_line
from reportlint.output.where import located_text, related_text

_ILLEGAL = {c: None for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)}


def clean(text: str) -> str:
    """Drop the characters XML 1.0 forbids (form feeds are common in exported reports)."""
    text = text.translate(_ILLEGAL)
    return "".join(ch for ch in text if not (0xD800 <= ord(ch) <= 0xDFFF or ord(ch) in (0xFFFE, 0xFFFF)))


def classname(path: str) -> str:
    norm = visible(path).replace("\\", "/").lstrip("./")
    parts = [p for p in norm.split("/") if p and p != ".."]
    if not parts:
        return "stdin"
    return ".".join(parts[:-1] + [parts[-1].replace(".", "_")])


def _timestamp() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = time.gmtime(int(epoch)) if epoch and epoch.isdigit() else time.gmtime()
    return time.strftime("%Y-%m-%dT%H:%M:%S", moment)


def render(results, lang: str = "zh", fail_level: str = "error", flavor: str = "strict") -> str:
    import junit_xml

    gate = SEVERITY_RANK[fail_level]
    root = ET.Element("testsuites")
    for index, result in enumerate(results):
        cases = []
        passing_text: list[str] = []
        names: dict[str, int] = {}
        locations: dict[int, str] = {}  # xunit1: each case's place in the document's own terms, by case index
        for f in result.findings:
            detail = f.figures[0] if f.figures else (f.subject.split(":", 1)[-1] if f.subject else "")
            base = clean(f"{f.code} {f.name} {detail}".strip())
            names[base] = names.get(base, 0) + 1
            name = base if names[base] == 1 else f"{base} ({names[base]})"
            case = junit_xml.TestCase(name, classname=classname(result.path), elapsed_sec=0)
            body = clean(concise_line(f, lang) + "".join(
                f"\n  {visible(f.path)}:{r.line}:{r.column}: {related_text(r, lang)}"
                for r in f.related) + f"\n  help: reportlint rule {f.code}")
            if result.failed:
                case.add_error_info(message=clean(visible(located_text(f, lang))), output=body, error_type=f.code)
            elif SEVERITY_RANK[f.severity] >= gate:
                case.add_failure_info(message=clean(visible(located_text(f, lang))), output=body, failure_type=f.code)
            else:
                passing_text.append(body)  # a passing case; its text goes to the suite's system-out
            if flavor == "xunit1":
                case.file, case.line = visible(result.path), f.line
                locations[len(cases)] = f.location
            cases.append(case)
        if not cases:
            case = junit_xml.TestCase("all checks passed", classname=classname(result.path), elapsed_sec=0)
            if flavor == "xunit1":
                case.file, case.line = visible(result.path), 1
            cases.append(case)
        suite = junit_xml.TestSuite(
            clean(visible(result.path)), cases, hostname="localhost", id=str(index), package="reportlint",
            stdout="\n".join(passing_text), stderr="",
            timestamp=_timestamp(), properties={"reportlint.version": __version__, "reportlint.fail-level": fail_level,
                                                "input.sha256": getattr(result, "sha256", "") or ""},
        )
        element = suite.build_xml_doc()
        element.attrib.pop("disabled", None)
        # the Ant schema wants system-out and system-err after the test cases, even when empty
        for tag in ("system-out", "system-err"):
            found = element.find(tag)
            if found is not None:
                element.remove(found)
            else:
                found = ET.Element(tag)
            if tag == "system-out":
                found.text = "\n".join(passing_text)
            element.append(found)
        for k, case_element in enumerate(element.iter("testcase")):
            case_element.set("time", "0")
            if locations.get(k):
                case_element.set("location", clean(visible(locations[k])))
            if flavor == "xunit1":
                for attr in ("file", "line"):
                    value = case_element.attrib.get(attr)
                    if value is not None:
                        case_element.set(attr, str(value))
        root.append(element)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
