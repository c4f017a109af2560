#!/usr/bin/env python3
"""Renders docs/openapi.json (as the service serves it at /openapi.json) into docs/api.md.

    curl -s localhost:8888/openapi.json > docs/openapi.json && python3 docs/render-api.py
"""
import json
import pathlib

here = pathlib.Path(__file__).parent
spec = json.loads((here / "openapi.json").read_text())
out = [f"# {spec['info']['title']} HTTP API", "",
       "Rendered from [openapi.json](openapi.json), the document the service serves at `/openapi.json`",
       "(regenerate: see the top of `render-api.py`). The test `OpenApiTest` fails when they differ.", "",
       spec["info"].get("description", ""), ""]
for path, operations in spec["paths"].items():
    for method, op in operations.items():
        out += [f"## `{method.upper()} {path}`", "", op.get("summary") or op.get("description", ""), ""]
        params = op.get("parameters", [])
        if params:
            out += ["| parameter | in | required | type | meaning |", "| --- | --- | --- | --- | --- |"]
            for p in params:
                schema = p.get("schema", {})
                kind = schema.get("type", "")
                if "enum" in schema:
                    kind += " (" + ", ".join(schema["enum"]) + ")"
                out.append(f"| `{p['name']}` | {p['in']} | {'yes' if p.get('required') else 'no'} | {kind} | {p.get('description', '')} |")
            out.append("")
        body = op.get("requestBody")
        if body:
            for media, content in body.get("content", {}).items():
                example = content.get("example") or content.get("schema", {}).get("example")
                out += [f"Body ({media}): {body.get('description', '')}", ""]
                if example:
                    out += ["```json", example if isinstance(example, str) else json.dumps(example), "```", ""]
        responses = op.get("responses", {})
        if responses:
            out += ["| status | meaning |", "| --- | --- |"]
            for code, r in responses.items():
                out.append(f"| {code} | {r.get('description', '')} |")
            out.append("")
            for code, r in responses.items():
                headers = r.get("headers", {})
                if headers:
                    out += [f"Headers of the {code}:", "", "| header | meaning |", "| --- | --- |"]
                    out += [f"| `{name}` | {h.get('description', '')} |" for name, h in headers.items()]
                    out.append("")
(here / "api.md").write_text("\n".join(out))
print("wrote", here / "api.md")
