"""Writes a pure-Python wheel (PEP 427) with the standard library alone.

The machine's setuptools has no `wheel` package, so `pip wheel` cannot build one, and PyPI is not
reachable to fetch it. A pure-Python wheel is a zip: the package files plus a .dist-info folder
with METADATA, WHEEL and RECORD (each file's sha256 and size).

usage: build_wheel.py --name N --version V --package P --out DIR [--requires R]... ROOT...
Files of P are taken from each ROOT in turn; a later ROOT replaces a file of an earlier one.
"""

import argparse
import base64
import hashlib
import re
import zipfile
from pathlib import Path

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # reproducible: the same inputs give the same bytes


def pep440(version: str) -> str:
    """Maven's 1.0.0-SNAPSHOT is 1.0.0.dev0 in Python."""
    return re.sub(r"-SNAPSHOT$", ".dev0", version)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--name", required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--package", required=True)
    parser.add_argument("--summary", default="")
    parser.add_argument("--requires-python", default=">=3.10")
    parser.add_argument("--requires", action="append", default=[])
    parser.add_argument("--out", required=True)
    parser.add_argument("roots", nargs="+")
    args = parser.parse_args()

    version = pep440(args.version)
    files: dict[str, bytes] = {}
    for root in map(Path, args.roots):
        for path in sorted((root / args.package).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                files[path.relative_to(root).as_posix()] = path.read_bytes()

    dist = re.sub(r"[-.]+", "_", args.name)
    info = f"{dist}-{version}.dist-info"
    metadata = [
        "Metadata-Version: 2.1",
        f"Name: {args.name}",
        f"Version: {version}",
        f"Summary: {args.summary}",
        f"Requires-Python: {args.requires_python}",
        *(f"Requires-Dist: {r}" for r in args.requires),
    ]
    files[f"{info}/METADATA"] = ("\n".join(metadata) + "\n").encode()
    files[f"{info}/WHEEL"] = b"Wheel-Version: 1.0\nGenerator: build_wheel.py\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    record = [
        f"{name},sha256={base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()},{len(data)}"
        for name, data in sorted(files.items())
    ]
    files[f"{info}/RECORD"] = ("\n".join(record + [f"{info}/RECORD,,"]) + "\n").encode()

    out = Path(args.out) / f"{dist}-{version}-py3-none-any.whl"
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as wheel:
        for name, data in files.items():  # dist-info last, as PEP 427 recommends
            entry = zipfile.ZipInfo(name, FIXED_TIME)
            entry.external_attr = 0o644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            wheel.writestr(entry, data)
    print(out)


if __name__ == "__main__":
    main()
