// The API reference's Go samples (reference/src/samples/<operationId>/*.go), built with the
// generated client and run against the stub server jar: each must print what its `// Prints:`
// comment says (… stands for any text). reference/README.md says how to add one.
package accesstoken_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// samplesDir finds reference/src/samples above the working directory (client-go/target/go/test).
func samplesDir(t *testing.T) string {
	dir, _ := os.Getwd()
	for ; dir != filepath.Dir(dir); dir = filepath.Dir(dir) {
		candidate := filepath.Join(dir, "reference", "src", "samples")
		if info, err := os.Stat(candidate); err == nil && info.IsDir() {
			return candidate
		}
	}
	t.Fatalf("no reference/src/samples above the working directory")
	return ""
}

func documentedAnswer(t *testing.T, source string) *regexp.Regexp {
	lines := strings.Split(strings.TrimSpace(source), "\n")
	marker := -1
	for i, line := range lines {
		if regexp.MustCompile(`^// Prints\b.*:$`).MatchString(line) {
			marker = i
			break
		}
	}
	if marker < 0 {
		t.Fatalf("the sample documents no answer (a // Prints: comment)")
	}
	var expected []string
	for _, line := range lines[marker+1:] {
		if !strings.HasPrefix(line, "// ") {
			t.Fatalf("the Prints comment must end the sample: %q", line)
		}
		parts := strings.Split(line[3:], "…")
		for i, part := range parts {
			parts[i] = regexp.QuoteMeta(part)
		}
		expected = append(expected, strings.Join(parts, `[^\n]*`))
	}
	return regexp.MustCompile(`^` + strings.Join(expected, "\n") + `$`)
}

func TestEveryGoSamplePrintsItsDocumentedAnswer(t *testing.T) {
	samples, _ := filepath.Glob(filepath.Join(samplesDir(t), "*", "*.go"))
	if len(samples) == 0 {
		t.Fatalf("no Go samples")
	}
	for _, sample := range samples {
		source, err := os.ReadFile(sample)
		if err != nil {
			t.Fatal(err)
		}
		// a main package inside this module, so it builds with the generated client it imports
		operation := filepath.Base(filepath.Dir(sample))
		dir := filepath.Join("reference-samples", operation)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "main.go"), source, 0o644); err != nil {
			t.Fatal(err)
		}
		run := exec.Command("go", "run", "./"+filepath.ToSlash(dir))
		run.Env = append(os.Environ(), "BITGO_BASE_URL="+baseURL, "BITGO_ACCESS_TOKEN="+suiteToken)
		run.Stderr = os.Stderr
		output, err := run.Output()
		if err != nil {
			t.Fatalf("%s: %v", sample, err)
		}
		if answer := documentedAnswer(t, string(source)); !answer.MatchString(strings.TrimSpace(string(output))) {
			t.Errorf("%s printed\n%s\nwhere it documents\n%s", sample, output, answer)
		}
	}
}

func TestADocumentedAnswerRefusesOutputThatDiffers(t *testing.T) {
	answer := documentedAnswer(t, "f()\n// Prints:\n// id …, limit 12\n")
	if !answer.MatchString("id 5f0c, limit 12") || answer.MatchString("id 5f0c, limit 13") || answer.MatchString("id 5f\n0c, limit 12") {
		t.Errorf("%s", answer)
	}
}
