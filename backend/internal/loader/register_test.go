package loader

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The field checks (azx_loader_field_checks) end OnRecordValidate's chain for every business
// record, single saves included: they do PocketBase's last step, without the relation COUNT of a
// parent already read, and call no handler after them. So no validate handler of AZX may come
// after them, and none may bind OnModelValidate (which runs after OnRecordValidate's chain): read
// from the sources, every package of the backend, with each priority resolved from its literal or
// its package's constant.
func TestNoValidateHandlerComesAfterTheFieldChecks(t *testing.T) {
	root := filepath.Join("..", "..")
	byDir := map[string][]*ast.File{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, path, src, 0)
		if err != nil {
			return err
		}
		byDir[filepath.Dir(path)] = append(byDir[filepath.Dir(path)], f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	handlers := 0
	for dir, files := range byDir {
		consts := map[string]int{}
		priority := func(e ast.Expr) (int, bool) {
			switch x := e.(type) {
			case *ast.BasicLit:
				n, err := strconv.Atoi(x.Value)
				return n, err == nil
			case *ast.UnaryExpr:
				if lit, ok := x.X.(*ast.BasicLit); ok && x.Op == token.SUB {
					n, err := strconv.Atoi(lit.Value)
					return -n, err == nil
				}
			case *ast.Ident:
				n, ok := consts[x.Name]
				return n, ok
			}
			return 0, false
		}
		for _, f := range files {
			ast.Inspect(f, func(n ast.Node) bool {
				if spec, ok := n.(*ast.ValueSpec); ok {
					for i, name := range spec.Names {
						if i < len(spec.Values) {
							if v, ok := priority(spec.Values[i]); ok {
								consts[name.Name] = v
							}
						}
					}
				}
				return true
			})
		}
		for _, f := range files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				bind, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || (bind.Sel.Name != "Bind" && bind.Sel.Name != "BindFunc") {
					return true
				}
				on, ok := bind.X.(*ast.CallExpr)
				if !ok {
					return true
				}
				hookSel, ok := on.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				where := fset.Position(call.Pos()).String()
				switch hookSel.Sel.Name {
				case "OnModelValidate":
					t.Errorf("%s binds OnModelValidate, which runs after the field checks end the chain", where)
				case "OnRecordValidate":
					handlers++
					if bind.Sel.Name == "BindFunc" || len(call.Args) != 1 {
						return true // priority 0
					}
					lit, ok := call.Args[0].(*ast.UnaryExpr)
					var cl *ast.CompositeLit
					if ok {
						cl, _ = lit.X.(*ast.CompositeLit)
					}
					if cl == nil {
						t.Errorf("%s: a validate handler whose priority the test cannot read", where)
						return true
					}
					id, p := "", 0
					for _, el := range cl.Elts {
						kv, ok := el.(*ast.KeyValueExpr)
						if !ok {
							continue
						}
						switch kv.Key.(*ast.Ident).Name {
						case "Id":
							if s, ok := kv.Value.(*ast.BasicLit); ok {
								id, _ = strconv.Unquote(s.Value)
							} else if ident, ok := kv.Value.(*ast.Ident); ok {
								id = ident.Name
							}
						case "Priority":
							v, ok := priority(kv.Value)
							if !ok {
								t.Errorf("%s (%s): a priority the test cannot read", where, dir)
							}
							p = v
						}
					}
					if id == "hookFieldChecks" || id == hookFieldChecks {
						if p != fieldChecksPriority {
							t.Errorf("%s: the field checks at priority %d, want %d", where, p, fieldChecksPriority)
						}
					} else if p >= fieldChecksPriority {
						t.Errorf("%s: validate handler %q at priority %d would never run after the field checks (%d)", where, id, p, fieldChecksPriority)
					}
				}
				return true
			})
		}
	}
	if handlers < 10 {
		t.Fatalf("found %d validate handlers in the sources: the scan is broken", handlers)
	}
}
