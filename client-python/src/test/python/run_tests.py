"""Runs every test_*.py beside this file and ends with one line CI reads: `N passed, N failed`.
Exits non-zero when any test fails, so Maven fails."""

import sys
import unittest
from pathlib import Path

suite = unittest.defaultTestLoader.discover(str(Path(__file__).parent), pattern="test_*.py")
result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
# a failed setUpModule is an error without a test run: never report negative passes
passed = max(result.testsRun - failed - len(result.skipped), 0)
print(f"{passed} passed, {failed} failed")
sys.exit(0 if failed == 0 and result.testsRun > 0 else 1)
