"""The API reference's Python samples (reference/src/samples/<operationId>/*.py), run with the
installed wheel against the stub server jar: each must print what its `# Prints:` comment says
(… stands for any text). reference/README.md says how to add one."""

import os
import re
import subprocess
import sys
import unittest
from pathlib import Path

from support import SUITE_TOKEN, shared_stub


def samples_dir() -> Path:
    """reference/src/samples, found above this file (client-python/src/test/python/)."""
    for directory in Path(__file__).resolve().parents:
        if (directory / "reference" / "src" / "samples").is_dir():
            return directory / "reference" / "src" / "samples"
    raise RuntimeError(f"no reference/src/samples above {__file__}")


def documented_answer(source: str) -> re.Pattern:
    lines = source.strip().split("\n")
    marker = next(i for i, line in enumerate(lines) if re.match(r"^# Prints\b.*:$", line))
    expected = [line[2:] for line in lines[marker + 1:]]
    assert all(line.startswith("# ") for line in lines[marker + 1:]), "the Prints comment ends the sample"
    return re.compile("\n".join("[^\n]*".join(map(re.escape, line.split("…"))) for line in expected))


class ReferenceSamplesTest(unittest.TestCase):
    def test_every_python_sample_prints_its_documented_answer(self):
        samples = sorted(samples_dir().glob("*/*.py"))
        self.assertTrue(samples, f"no Python samples in {samples_dir()}")
        for sample in samples:
            with self.subTest(sample=sample.name):
                env = dict(os.environ, BITGO_BASE_URL=shared_stub().base_url, BITGO_ACCESS_TOKEN=SUITE_TOKEN)
                run = subprocess.run([sys.executable, "-B", str(sample)], env=env, capture_output=True,
                                     text=True, timeout=60)
                self.assertEqual(run.returncode, 0, run.stderr)
                answer = documented_answer(sample.read_text(encoding="utf-8"))
                self.assertRegex(run.stdout.strip(), f"^{answer.pattern}$")

    def test_a_documented_answer_refuses_output_that_differs(self):
        answer = documented_answer("print(1)\n# Prints:\n# id …, limit 12\n")
        self.assertRegex("id 5f0c, limit 12", f"^{answer.pattern}$")
        self.assertNotRegex("id 5f0c, limit 13", f"^{answer.pattern}$")
        self.assertNotRegex("id 5f\n0c, limit 12", f"^{answer.pattern}$")


if __name__ == "__main__":
    unittest.main()
