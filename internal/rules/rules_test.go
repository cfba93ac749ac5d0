package rules

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/report"
)

var idPattern = regexp.MustCompile(`^(place-name|garbled|untranslated|boilerplate|number|quote|encoding|style)/[a-z]+(-[a-z]+)*$`)

func TestRulesAreComplete(t *testing.T) {
	require.NotEmpty(t, All())
	for _, r := range All() {
		assert.Regexp(t, idPattern, r.ID)
		assert.Contains(t, report.Categories, r.Category, r.ID)
		assert.Positive(t, r.Severity.Rank(), "%s: severity %q", r.ID, r.Severity)
		for name, field := range map[string]string{"Owner": r.Owner, "Summary": r.Summary, "Description": r.Description, "Bad": r.Bad, "Good": r.Good} {
			assert.NotEmpty(t, field, "%s: %s", r.ID, name)
		}
		assert.True(t, strings.HasSuffix(r.Summary, "."), "%s: the summary is a sentence", r.ID)
		got, ok := Lookup(r.ID)
		assert.True(t, ok)
		assert.Same(t, r, got)
	}
	_, ok := Lookup("garbled/no-such-rule")
	assert.False(t, ok)
}

// moduleRoot is the repository's top, two levels up.
var moduleRoot = filepath.Join("..", "..")

// sourceFiles parses every non-test Go file of the module outside this
// package, by directory relative to the module root.
func sourceFiles(t *testing.T) map[string][]*ast.File {
	t.Helper()
	fset := token.NewFileSet()
	out := map[string][]*ast.File{}
	err := filepath.WalkDir(moduleRoot, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && p != moduleRoot || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(moduleRoot, filepath.Dir(p))
		if rel == filepath.Join("internal", "rules") || strings.HasPrefix(rel, filepath.Join("internal", "rules")+string(filepath.Separator)) {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		out[filepath.ToSlash(rel)] = append(out[filepath.ToSlash(rel)], f)
		return nil
	})
	require.NoError(t, err)
	return out
}

// registryVars maps each exported rule variable of defs.go to its ID.
func registryVars(t *testing.T) map[string]string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "defs.go", nil, 0)
	require.NoError(t, err)
	out := map[string]string{}
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || len(vs.Values) != 1 {
			return true
		}
		call, ok := vs.Values[0].(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return true
		}
		lit := call.Args[0].(*ast.CompositeLit)
		for _, e := range lit.Elts {
			kv := e.(*ast.KeyValueExpr)
			if kv.Key.(*ast.Ident).Name == "ID" {
				id, _ := strconv.Unquote(kv.Value.(*ast.BasicLit).Value)
				out[vs.Names[0].Name] = id
			}
		}
		return true
	})
	return out
}

// TestEveryRuleIsEmittedByItsOwner fails when the registry holds a rule
// that no code refers to, or that code outside its owning detector emits.
func TestEveryRuleIsEmittedByItsOwner(t *testing.T) {
	vars := registryVars(t)
	require.Len(t, vars, len(All()), "every rule is an exported variable of defs.go")
	usedIn := map[string][]string{} // variable → directories that refer to it
	for dir, files := range sourceFiles(t) {
		for _, f := range files {
			ast.Inspect(f, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if x, ok := sel.X.(*ast.Ident); ok && x.Name == "rules" {
					if _, isRule := vars[sel.Sel.Name]; isRule && !slices.Contains(usedIn[sel.Sel.Name], dir) {
						usedIn[sel.Sel.Name] = append(usedIn[sel.Sel.Name], dir)
					}
				}
				return true
			})
		}
	}
	for name, id := range vars {
		r, _ := Lookup(id)
		dirs := usedIn[name]
		if !assert.NotEmpty(t, dirs, "%s (%s) is in the registry but nothing emits it", id, name) {
			continue
		}
		owner, _, _ := strings.Cut(r.Owner, ":")
		for _, d := range dirs {
			assert.Equal(t, owner, d, "%s is emitted outside its owner %q", id, r.Owner)
		}
	}
}

// TestNoRuleIDOutsideTheRegistry fails when code spells a rule ID as a
// string instead of referring to the registry.
func TestNoRuleIDOutsideTheRegistry(t *testing.T) {
	for dir, files := range sourceFiles(t) {
		for _, f := range files {
			ast.Inspect(f, func(n ast.Node) bool {
				if _, ok := n.(*ast.ImportSpec); ok {
					return false
				}
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				s, err := strconv.Unquote(lit.Value)
				if err == nil && idPattern.MatchString(s) {
					t.Errorf("%s: rule ID %q spelled as a string; refer to the registry", dir, s)
				}
				return true
			})
		}
	}
}

func TestGeneratedDocsAreCurrent(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(moduleRoot, "README.md"))
	require.NoError(t, err)
	want, err := ReplaceTable(string(readme))
	require.NoError(t, err)
	assert.True(t, want == string(readme), "README's rule table is stale: run go generate ./internal/rules")
	ref, err := os.ReadFile(filepath.Join(moduleRoot, "RULES.md"))
	require.NoError(t, err)
	assert.True(t, Reference() == string(ref), "RULES.md is stale: run go generate ./internal/rules")
	for _, r := range All() {
		assert.True(t, strings.Contains(string(readme), "`"+r.ID+"`"), "README lists %s", r.ID)
	}
}

func TestDescribe(t *testing.T) {
	rep := &report.Report{Documents: []report.Document{{Findings: []report.Finding{
		{Rule: PlaceVariant.ID, Category: report.PlaceName, Severity: report.Warning},
		{Rule: GarbledCalque.ID, Category: report.Garbled, Severity: report.Error},
		{Rule: PlaceVariant.ID, Category: report.PlaceName, Severity: report.Info},
		{Rule: "style/unknown-to-the-registry", Category: report.Style, Severity: report.Info},
	}}}}
	Describe(rep)
	require.Len(t, rep.Rules, 3)
	assert.Equal(t, []string{GarbledCalque.ID, PlaceVariant.ID, "style/unknown-to-the-registry"},
		[]string{rep.Rules[0].ID, rep.Rules[1].ID, rep.Rules[2].ID})
	assert.Equal(t, GarbledCalque.Summary, rep.Rules[0].Summary)
	assert.Contains(t, rep.Rules[0].Help, GarbledCalque.Bad)
	assert.Equal(t, DocsURL+"#garbledcalque", rep.Rules[0].HelpURI)
	got, ok := rep.Rule(PlaceVariant.ID)
	assert.True(t, ok)
	assert.Equal(t, report.Warning, got.Severity)
	assert.Empty(t, rep.Rules[2].Summary)
}
